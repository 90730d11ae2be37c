import { ReactNode } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { UnitCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import {
  formatAmount,
  formatPeriod,
  formatQuantity,
  formatUnitCost,
  lastDayOf,
} from '../../lib';
import { UnitCostTrend } from './UnitCostTrend';
import { UnitMetricSetup } from './UnitMetricSetup';

/** Room for the figure, its caption and the sparkline, so the card does not grow on arrival. */
const MIN_HEIGHT = 220;

/**
 * Cost in other currencies, one line each with its own unit cost: the API never converts
 * currencies, so adding them into the headline figure would be wrong.
 */
function OtherCurrencyUnitCosts(props: { value: UnitCostResponse }) {
  const { metric, volume, otherCurrencies } = props.value;
  if (!otherCurrencies?.length) {
    return null;
  }
  return (
    <Box mb={2} data-testid="finops-itam-unit-cost-other-currencies">
      {otherCurrencies.map(other => (
        <Typography key={other.currency} variant="body2">
          Cost in {other.currency} is not included above:{' '}
          {other.unitCost === null
            ? 'no unit cost'
            : `${formatUnitCost(
                other.unitCost,
                other.currency,
              )} per ${metric}`}{' '}
          ({formatAmount(other.allInCost, other.currency)} ÷{' '}
          {formatQuantity(volume)} {metric}).
        </Typography>
      ))}
    </Box>
  );
}

/**
 * All-in cost per unit of the entity's business metric in the period, with its trend; or how
 * to set the metric up. Its answer is loaded next to the cost rather than after it, and
 * apart, so a slow or missing metric never holds the headline back.
 */
export function UnitCostCard(props: {
  entityRef: CompoundEntityRef;
  /** The period's exclusive end, for the example day. */
  to: string;
  unitCost: { loading: boolean; error?: Error; value?: UnitCostResponse };
}) {
  const { entityRef, to } = props;
  const { loading, error, value } = props.unitCost;
  const ref = stringifyEntityRef(entityRef).toLocaleLowerCase('en-US');

  let body: ReactNode;
  let subheader = 'All-in cost ÷ business metric';
  if (loading && !value) {
    body = <Progress aria-label="Loading the unit cost" />;
  } else if (error && isForbiddenError(error)) {
    body = (
      <AccessDenied
        compact
        what="cost data for this entity"
        entityRef={ref}
        askWhom="its owner or your FinOps team"
      />
    );
  } else if (error || !value) {
    body = (
      <Typography variant="body2" color="error" role="alert">
        Could not load the unit cost: {error?.message ?? 'no answer'}
      </Typography>
    );
  } else if (value.metric === null) {
    subheader = 'No business metric named yet';
    body = (
      <UnitMetricSetup
        metric={null}
        entityRef={ref}
        exampleDay={lastDayOf(to)}
      />
    );
  } else if (value.unitCost === null || value.currency === null) {
    subheader = `All-in cost ÷ ${value.metric}`;
    body = (
      <>
        <Typography variant="body2" paragraph>
          No {value.metric} reported for {formatPeriod(value.from, value.to)},
          so there is no unit cost to show.
        </Typography>
        <UnitMetricSetup
          metric={value.metric}
          entityRef={ref}
          exampleDay={lastDayOf(to)}
        />
      </>
    );
  } else {
    subheader = `All-in cost ÷ ${value.metric}, ${formatPeriod(
      value.from,
      value.to,
    )}`;
    body = (
      <>
        <Typography
          variant="h4"
          component="p"
          data-testid="finops-itam-unit-cost"
        >
          {formatUnitCost(value.unitCost, value.currency)}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          per {value.metric}: {formatAmount(value.allInCost, value.currency)} ÷{' '}
          {formatQuantity(value.volume)} {value.metric}
        </Typography>
        <OtherCurrencyUnitCosts value={value} />
        <UnitCostTrend series={value.series} currency={value.currency} />
      </>
    );
  }

  return (
    <InfoCard title="Unit cost" subheader={subheader} variant="gridItem">
      <Box minHeight={MIN_HEIGHT} aria-busy={loading}>
        {body}
      </Box>
    </InfoCard>
  );
}
