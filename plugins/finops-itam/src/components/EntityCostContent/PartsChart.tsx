import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod } from '../../lib';
import { COST_PARTS, PartBar, partBars } from './chartData';
import { CHART_HEIGHT, compactCurrency, useChartTheme } from './chartTheme';
import { ChartDataTable } from './ChartDataTable';
import { ChartFrame } from './ChartFrame';

function PartTooltip(props: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: PartBar }>;
  currency: string;
}) {
  const chartTheme = useChartTheme();
  const bar = props.payload?.[0]?.payload;
  if (!props.active || !bar) {
    return null;
  }
  return (
    <Box
      p={1}
      style={{
        background: chartTheme.tooltip.background,
        border: `1px solid ${chartTheme.tooltip.border}`,
        color: chartTheme.tooltip.text,
      }}
    >
      <Typography variant="subtitle2">{bar.date}</Typography>
      {COST_PARTS.map(part => (
        <Typography variant="body2" key={part.key}>
          {part.label}: {formatAmount(bar.exact[part.key], props.currency)}
        </Typography>
      ))}
      <Typography variant="body2">
        <strong>Total: {formatAmount(bar.exact.total, props.currency)}</strong>
      </Typography>
    </Box>
  );
}

/** The cost of each day or month, stacked by part, with the figures as a table for screen readers. */
export function PartsChart(props: {
  cost: EntityCostResponse;
  currency: string;
}) {
  const { cost, currency } = props;
  const chartTheme = useChartTheme();
  const bars = partBars(cost.series);
  const caption = `Cost by ${cost.granularity}, ${formatPeriod(
    cost.from,
    cost.to,
  )}`;

  return (
    <>
      <ChartFrame height={CHART_HEIGHT} initialWidth={600}>
        <BarChart
          accessibilityLayer={false}
          data={bars}
          margin={{ top: 8, right: 8, left: 8, bottom: 0 }}
        >
          <CartesianGrid
            strokeDasharray="3 3"
            vertical={false}
            stroke={chartTheme.grid}
          />
          <XAxis dataKey="date" {...chartTheme.axis} minTickGap={16} />
          <YAxis
            tickFormatter={compactCurrency(currency)}
            {...chartTheme.axis}
            width={72}
          />
          <Tooltip
            cursor={{ fill: chartTheme.cursor }}
            content={({ active, payload }) => (
              <PartTooltip
                active={active}
                payload={payload as ReadonlyArray<{ payload?: PartBar }>}
                currency={currency}
              />
            )}
          />
          <Legend wrapperStyle={{ color: chartTheme.tooltip.text }} />
          {COST_PARTS.map(part => (
            <Bar
              key={part.key}
              dataKey={part.key}
              name={part.label}
              stackId="cost"
              fill={chartTheme.partColours[part.key]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ChartFrame>
      <ChartDataTable
        caption={caption}
        columns={[
          cost.granularity === 'month' ? 'Month' : 'Day',
          ...COST_PARTS.map(part => part.label),
          'Total',
        ]}
        rows={cost.series.map(point => ({
          name: point.date,
          cells: [
            ...COST_PARTS.map(part => formatAmount(point[part.key], currency)),
            formatAmount(point.total, currency),
          ],
        }))}
      />
    </>
  );
}
