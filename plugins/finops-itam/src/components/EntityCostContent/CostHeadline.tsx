import { ComponentProps } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod, isZeroAmount } from '../../lib';
import { AllocationNotice } from './AllocationNotice';
import { PreviousPeriodComparison } from './PreviousPeriodComparison';
import { CostPart } from './CostPart';
import { GlossaryTerm } from '../GlossaryTerm';

/** What each part holds and, as important, what it does not, so nothing looks counted twice. */
function partExplanations(basis: EntityCostResponse['basis']) {
  const amount =
    basis === 'billed'
      ? 'FOCUS BilledCost, as invoiced,'
      : 'Amortized FOCUS EffectiveCost (commitments spread over their term, discounts applied)';
  return {
    cloud: `${amount} of the cloud resources allocated directly to this entity by its cost annotations. Includes license-included charges billed with the resources (such as Windows or SQL Server in the instance price). Excludes shared-cost pools and separately bought licenses.`,
    shared:
      "This entity's share of shared-cost pools (such as networking, support or platform clusters), split across the entities that use them by each pool's rule. Excludes cost allocated to no entity and other entities' shares.",
    licenses:
      "Software licenses bought outside the cloud bill and consumed by this entity: bring-your-own-license (BYOL) and separately bought subscriptions, at this entity's share of their cost. Excludes license-included charges, which are already in cloud.",
  };
}

/** The all-in cost of the period in big, its change, its parts and what each one includes. */
export function CostHeadline(props: {
  cost: EntityCostResponse;
  currency: string;
  previous: ComponentProps<typeof PreviousPeriodComparison>['previous'];
}) {
  const { cost, currency, previous } = props;
  const format = (amount: string) => formatAmount(amount, currency);
  const explain = partExplanations(cost.basis);

  return (
    <InfoCard
      variant="gridItem"
      title={<GlossaryTerm term="all-in-cost">All-in cost</GlossaryTerm>}
      subheader={`${formatPeriod(cost.from, cost.to)} · ${cost.basis}`}
    >
      <Typography
        variant="h3"
        component="p"
        data-testid="finops-itam-all-in-cost"
      >
        {format(cost.total)}
      </Typography>
      <PreviousPeriodComparison cost={cost} previous={previous} />
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
              includes={explain.cloud}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <CostPart
              label="Shared"
              amount={format(cost.shared)}
              includes={explain.shared}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <CostPart
              label="Licenses"
              amount={format(cost.licenses)}
              includes={explain.licenses}
              note={
                isZeroAmount(cost.licenses)
                  ? 'no license cost allocated'
                  : undefined
              }
            />
          </Grid>
        </Grid>
      </Box>
    </InfoCard>
  );
}
