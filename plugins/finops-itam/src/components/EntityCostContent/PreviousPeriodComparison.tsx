import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import {
  changeBetween,
  changeDirection,
  formatAmount,
  formatPeriod,
  formatSignedAmount,
  isZeroAmount,
} from '../../lib';
import { CostTrend } from '../CostTrend';

/**
 * The all-in cost's change against the same-length previous period, which the tab loads
 * separately: says so while that loads, fails or cannot be compared.
 */
export function PreviousPeriodComparison(props: {
  cost: EntityCostResponse;
  previous: {
    loading: boolean;
    error?: Error;
    value?: EntityCostResponse;
    from: string;
    to: string;
  };
}) {
  const { cost, previous } = props;
  const against = formatPeriod(previous.from, previous.to);
  const line = (content: ReactNode) => (
    <Typography variant="body2" component="p" color="textSecondary">
      {content}
    </Typography>
  );

  let content;
  // While a new period loads, either answer may still be the old period's: never compare
  // two answers that do not border each other.
  const stale = previous.value !== undefined && previous.value.to !== cost.from;
  if (previous.loading || stale || (!previous.value && !previous.error)) {
    content = line(`Comparing with ${against}…`);
  } else if (previous.error || !previous.value) {
    content = line(`No comparison with ${against}: it could not be loaded.`);
  } else if (
    !previous.value.currency ||
    isZeroAmount(previous.value.total) ||
    previous.value.currency !== cost.currency
  ) {
    content = line(
      previous.value.currency && previous.value.currency !== cost.currency
        ? `No comparison with ${against}: it was billed in ${previous.value.currency}.`
        : `No cost in the previous period (${against}) to compare with.`,
    );
  } else {
    const currency = cost.currency as string;
    const { change, percent } = changeBetween(cost.total, previous.value.total);
    const direction = changeDirection(change);
    content = line(
      <CostTrend direction={direction}>
        {`${formatSignedAmount(change, currency)} (${
          direction === 'up' ? '+' : ''
        }${percent}%) vs ${against}: ${formatAmount(
          previous.value.total,
          currency,
        )}`}
      </CostTrend>,
    );
  }
  return <Box minHeight={24}>{content}</Box>;
}
