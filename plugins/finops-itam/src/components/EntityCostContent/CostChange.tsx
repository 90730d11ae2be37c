import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import TrendingFlatIcon from '@material-ui/icons/TrendingFlat';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import {
  changeBetween,
  compareDecimals,
  formatAmount,
  formatPeriod,
  isZeroAmount,
} from '../../lib';

const useStyles = makeStyles(theme => ({
  // Palette colours keep the contrast right in the dark theme too; the icon and the sign
  // carry the meaning for anyone who cannot tell the colours apart.
  up: { color: theme.palette.error.main },
  down: { color: theme.palette.success.main },
  flat: { color: theme.palette.text.secondary },
}));

/** The icon and colour of a change: up is dearer (error colour), down cheaper. */
function trendOf(
  direction: number,
  classes: ReturnType<typeof useStyles>,
): [typeof TrendingUpIcon, string] {
  if (direction > 0) {
    return [TrendingUpIcon, classes.up];
  }
  if (direction < 0) {
    return [TrendingDownIcon, classes.down];
  }
  return [TrendingFlatIcon, classes.flat];
}

/** The all-in cost's change against the same-length previous period. */
export function CostChange(props: {
  cost: EntityCostResponse;
  previous: {
    loading: boolean;
    error?: Error;
    value?: EntityCostResponse;
    from: string;
    to: string;
  };
}) {
  const classes = useStyles();
  const { cost, previous } = props;
  const against = formatPeriod(previous.from, previous.to);
  const line = (text: string, className = classes.flat) => (
    <Typography variant="body2" component="p" className={className}>
      {text}
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
    const direction = compareDecimals(change, '0');
    const sign = direction > 0 ? '+' : '';
    const [Icon, className] = trendOf(direction, classes);
    content = (
      <Box display="flex" alignItems="center" className={className}>
        <Icon fontSize="small" aria-hidden />
        <Box ml={0.5}>
          {line(
            `${sign}${formatAmount(
              change,
              currency,
            )} (${sign}${percent}%) vs ${against}: ${formatAmount(
              previous.value.total,
              currency,
            )}`,
            className,
          )}
        </Box>
      </Box>
    );
  }
  return <Box minHeight={24}>{content}</Box>;
}
