import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { PaletteColor } from '@material-ui/core/styles/createPalette';

/** How alarming a chip is; each tone takes its colour from the theme palette. */
export type ChipTone = 'error' | 'warning' | 'success' | 'info' | 'default';

/** The shade of a palette colour that stays readable as text on the theme's background. */
function readable(theme: Theme, color: PaletteColor): string {
  return theme.palette.type === 'dark' ? color.light : color.dark;
}

const useStyles = makeStyles(theme => ({
  chip: { margin: theme.spacing(0.25, 0.5, 0.25, 0) },
  error: {
    color: readable(theme, theme.palette.error),
    borderColor: readable(theme, theme.palette.error),
  },
  warning: {
    color: readable(theme, theme.palette.warning),
    borderColor: readable(theme, theme.palette.warning),
  },
  success: {
    color: readable(theme, theme.palette.success),
    borderColor: readable(theme, theme.palette.success),
  },
  info: {
    color: readable(theme, theme.palette.info),
    borderColor: readable(theme, theme.palette.info),
  },
  default: {},
}));

/**
 * A small outlined chip with a tooltip saying what it means. It takes keyboard focus so the
 * tooltip is reachable without a mouse; the label alone must carry the meaning, since colour
 * is only a hint.
 */
export function ToneChip(props: {
  label: string;
  tone: ChipTone;
  tooltip: string;
}) {
  const classes = useStyles();
  const { label, tone, tooltip } = props;
  return (
    <Tooltip title={tooltip} arrow>
      <Chip
        size="small"
        variant="outlined"
        label={label}
        tabIndex={0}
        className={`${classes.chip} ${classes[tone]}`}
      />
    </Tooltip>
  );
}
