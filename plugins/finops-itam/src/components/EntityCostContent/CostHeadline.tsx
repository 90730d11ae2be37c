import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, isZeroAmount } from '../../lib';
import { AllocationNotice } from './AllocationNotice';
import { CostPart } from './CostPart';
import { formatPeriod } from './period';

/** The all-in cost of the period in big, with its parts and what each one includes. */
export function CostHeadline(props: {
  cost: EntityCostResponse;
  currency: string;
}) {
  const { cost, currency } = props;
  const format = (amount: string) => formatAmount(amount, currency);
  const basis =
    cost.basis === 'billed'
      ? 'FOCUS BilledCost, as invoiced,'
      : 'Amortized FOCUS EffectiveCost (commitments spread over their term, discounts applied)';

  return (
    <InfoCard
      title="All-in cost"
      subheader={`${formatPeriod(cost.from, cost.to)} · ${cost.basis}`}
    >
      <Typography
        variant="h3"
        component="p"
        data-testid="finops-itam-all-in-cost"
      >
        {format(cost.total)}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        Cloud, shared and license cost of this entity and everything that rolls
        up into it, {formatPeriod(cost.from, cost.to)}.
      </Typography>
      <AllocationNotice allocation={cost.allocation} />
      {cost.otherCurrencies && cost.otherCurrencies.length > 0 && (
        <Typography variant="body2" color="textSecondary" paragraph>
          Also in other currencies, neither converted nor included above:{' '}
          {cost.otherCurrencies
            .map(other => formatAmount(other.total, other.currency))
            .join(', ')}
        </Typography>
      )}
      <Box mt={1}>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={4}>
            <CostPart
              label="Cloud"
              amount={format(cost.direct)}
              includes={`${basis} of the cloud resources allocated directly to this entity by its cost annotations.`}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <CostPart
              label="Shared"
              amount={format(cost.shared)}
              includes="This entity's share of shared-cost pools (such as networking, support or platform clusters), split across the entities that use them. Cost allocated to no entity is not included."
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <CostPart
              label="Licenses"
              amount={format(cost.licenses)}
              includes="Entitlement cost of the software licenses this entity consumes. Not computed yet; license-included charges are already inside the cloud cost."
              note={
                isZeroAmount(cost.licenses) ? 'not computed yet' : undefined
              }
            />
          </Grid>
        </Grid>
      </Box>
    </InfoCard>
  );
}
