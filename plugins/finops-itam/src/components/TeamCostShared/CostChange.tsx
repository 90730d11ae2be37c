import Typography from '@material-ui/core/Typography';
import {
  ChangeDirection,
  changeDirection,
  formatPercentChange,
  formatSignedAmount,
} from '../../lib';
import { CostTrend } from '../CostTrend';
import { VisuallyHidden } from '../VisuallyHidden';

/** Read by screen readers before the amount; sighted users get the arrow. */
const WORDS: Record<ChangeDirection, string> = {
  up: 'up',
  down: 'down',
  none: 'unchanged',
};

/** ` (+10.5%)`; ` (new)` when there was nothing before, so no percentage exists. */
function describePercent(
  changePercent: number | null,
  direction: ChangeDirection,
): string {
  if (changePercent !== null) {
    return ` (${formatPercentChange(changePercent)})`;
  }
  return direction === 'up' ? ' (new)' : '';
}

/**
 * A cost change the team cost API computed against the previous period: arrow, signed
 * amount and percent, compact enough for a table cell.
 */
export function CostChange(props: {
  change: string;
  changePercent: number | null;
  currency: string;
  /** What the change is against, e.g. `the previous 30 days`. */
  against?: string;
  variant?: 'body1' | 'body2';
}) {
  const { change, changePercent, currency, against, variant = 'body2' } = props;
  const direction = changeDirection(change);
  const percent = describePercent(changePercent, direction);

  return (
    <Typography variant={variant} component="span">
      <CostTrend direction={direction}>
        <VisuallyHidden component="span">{`${WORDS[direction]} `}</VisuallyHidden>
        {`${formatSignedAmount(change, currency)}${percent}`}
      </CostTrend>
      {against && (
        <Typography variant={variant} component="span" color="textSecondary">
          {` against ${against}`}
        </Typography>
      )}
    </Typography>
  );
}
