import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Line, LineChart, Tooltip, YAxis } from 'recharts';
import { UnitCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { changeBetween, formatUnitCost } from '../../lib';
import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';

const SPARKLINE_HEIGHT = 64;

/** The trend in words, which is also what a screen reader gets instead of the line. */
export function unitCostTrendText(
  series: UnitCostResponse['series'],
  currency: string,
): string {
  const known = series.filter(point => point.unitCost !== null);
  if (known.length < 2) {
    return 'Not enough data points for a trend yet.';
  }
  const first = known[0];
  const last = known[known.length - 1];
  const { percent } = changeBetween(last.unitCost!, first.unitCost!);
  const move =
    percent === null
      ? ''
      : ` (${percent.startsWith('-') ? '' : '+'}${percent}%)`;
  return `From ${formatUnitCost(first.unitCost!, currency)} on ${
    first.date
  } to ${formatUnitCost(last.unitCost!, currency)} on ${last.date}${move}.`;
}

/** A sparkline of the unit cost per day or month; gaps where no metric volume was reported. */
export function UnitCostTrend(props: {
  series: UnitCostResponse['series'];
  currency: string;
}) {
  const { series, currency } = props;
  const chartTheme = useChartTheme();
  const points = series.map(point => ({
    date: point.date,
    exact: point.unitCost,
    value: point.unitCost === null ? null : Number(point.unitCost),
  }));
  return (
    <Box>
      <ChartFrame height={SPARKLINE_HEIGHT} initialWidth={300}>
        <LineChart
          accessibilityLayer={false}
          data={points}
          margin={{ top: 4, right: 4, left: 4, bottom: 4 }}
        >
          <YAxis hide domain={['auto', 'auto']} />
          <Tooltip
            cursor={{ stroke: chartTheme.grid }}
            contentStyle={chartTheme.tooltipContentStyle}
            labelFormatter={(_label, payload) =>
              String(payload?.[0]?.payload?.date ?? '')
            }
            formatter={(_value, _name, item) => [
              item?.payload?.exact
                ? formatUnitCost(item.payload.exact, currency)
                : 'no volume',
              'Unit cost',
            ]}
          />
          <Line
            type="monotone"
            dataKey="value"
            stroke={chartTheme.partColours.direct}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
      <Typography variant="caption" color="textSecondary">
        {unitCostTrendText(series, currency)}
      </Typography>
    </Box>
  );
}
