import { ReactNode } from 'react';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { PaletteColor } from '@material-ui/core/styles/createPalette';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import RemoveIcon from '@material-ui/icons/Remove';
import { ChangeDirection } from '../../lib';

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
}));

const ICONS: Record<ChangeDirection, typeof ArrowUpwardIcon> = {
  up: ArrowUpwardIcon,
  down: ArrowDownwardIcon,
  none: RemoveIcon,
};

/**
 * A cost change's arrow and colour around its text, the same on every page. Colour follows
 * cost convention (more spend in the error colour); the arrow and the sign in the text
 * carry the meaning for anyone who cannot tell the colours apart.
 */
export function CostTrend(props: {
  direction: ChangeDirection;
  children: ReactNode;
}) {
  const classes = useStyles();
  const Icon = ICONS[props.direction];
  return (
    <span className={classes[props.direction]}>
      <Icon className={classes.icon} aria-hidden />
      {props.children}
    </span>
  );
}
