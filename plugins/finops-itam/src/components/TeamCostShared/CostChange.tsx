import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { PaletteColor } from '@material-ui/core/styles/createPalette';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import RemoveIcon from '@material-ui/icons/Remove';
import {
  changeDirection,
  formatPercentChange,
  formatSignedAmount,
} from './formatCost';

/** The shade of a palette colour that stays readable as text on the theme's background. */
function readable(theme: Theme, color: PaletteColor): string {
  return theme.palette.type === 'dark' ? color.light : color.dark;
}

const useStyles = makeStyles(theme => ({
  up: { color: readable(theme, theme.palette.error) },
  down: { color: readable(theme, theme.palette.success) },
  none: { color: theme.palette.text.secondary },
  icon: {
    fontSize: '1em',
    marginRight: theme.spacing(0.5),
    verticalAlign: 'middle',
  },
  // Read by screen readers, not shown: the arrow says the same to sighted users.
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

const WORDS = { up: 'up', down: 'down', none: 'unchanged' } as const;
const ICONS = {
  up: ArrowUpwardIcon,
  down: ArrowDownwardIcon,
  none: RemoveIcon,
};

/** ` (+10.5%)`; ` (new)` when there was nothing before, so no percentage exists. */
function describePercent(
  changePercent: number | null,
  direction: keyof typeof WORDS,
): string {
  if (changePercent !== null) {
    return ` (${formatPercentChange(changePercent)})`;
  }
  return direction === 'up' ? ' (new)' : '';
}

/**
 * A cost change against the previous period: arrow, signed amount and percent. Colour
 * follows cost convention (more spend in the error colour), but the arrow and the words
 * carry the meaning too.
 */
export function CostChange(props: {
  change: string;
  changePercent: number | null;
  currency: string;
  /** What the change is against, e.g. `the previous 30 days`. */
  against?: string;
  variant?: 'body1' | 'body2';
}) {
  const classes = useStyles();
  const { change, changePercent, currency, against, variant = 'body2' } = props;
  const direction = changeDirection(change);
  const Icon = ICONS[direction];
  const percent = describePercent(changePercent, direction);
  const text = `${formatSignedAmount(change, currency)}${percent}`;

  return (
    <Typography variant={variant} component="span">
      <span className={classes[direction]}>
        <Icon className={classes.icon} aria-hidden />
        <span className={classes.visuallyHidden}>{`${WORDS[direction]} `}</span>
        {text}
      </span>
      {against && (
        <Typography variant={variant} component="span" color="textSecondary">
          {` against ${against}`}
        </Typography>
      )}
    </Typography>
  );
}
