import { Theme, useTheme } from '@material-ui/core/styles';
import { CostPartKey } from './chartData';

/**
 * Where the plot area of the over-time chart starts and ends horizontally: its margin plus
 * the y-axis width on the left. Anything laid over the chart in HTML lines up with these.
 */
export const PLOT_MARGIN = { left: 8 + 72, right: 8 };

/** Chart height, reserved in every state so the page does not move when data arrives. */
export const CHART_HEIGHT = 280;

/** Colours and axis styles from the theme palette, so the charts read in the dark theme too. */
export function useChartTheme() {
  const theme = useTheme<Theme>();
  const partColours: Record<CostPartKey, string> = {
    direct: theme.palette.primary.main,
    shared: theme.palette.secondary.main,
    licenses: theme.palette.warning.main,
  };
  const tooltip = {
    background: theme.palette.background.paper,
    border: theme.palette.divider,
    text: theme.palette.text.primary,
  };
  return {
    partColours,
    /** Spread on an `XAxis` or `YAxis`. */
    axis: {
      tick: { fill: theme.palette.text.secondary, fontSize: 12 },
      stroke: theme.palette.divider,
    },
    /** The forecast line, and its band in the same colour made translucent. */
    forecast: theme.palette.info.main,
    anomaly:
      theme.palette.type === 'dark'
        ? theme.palette.error.light
        : theme.palette.error.dark,
    grid: theme.palette.divider,
    cursor: theme.palette.action.hover,
    tooltip,
    /** The `contentStyle` of recharts' default `Tooltip`. */
    tooltipContentStyle: {
      background: tooltip.background,
      borderColor: tooltip.border,
      color: tooltip.text,
    },
  };
}

/** Short axis labels such as `$1.2K`: for orientation only, the exact figures are in the tooltip. */
export function compactCurrency(currency: string) {
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (value: number) => format.format(value);
}
