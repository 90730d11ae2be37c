import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod } from '../../lib';
import { CategoryTotal, categoryTotals } from './chartData';
import { CHART_HEIGHT, compactCurrency, useChartTheme } from './chartTheme';
import { ChartDataTable } from './ChartDataTable';
import { ChartFrame } from './ChartFrame';

/**
 * The period's cloud (direct) cost per service category, costliest on top; the backend breaks down only direct cost. A total per category rather
 * than a stack over time, because the backend gives categories only for the whole period.
 */
export function CategoryChart(props: {
  cost: EntityCostResponse;
  currency: string;
}) {
  const { cost, currency } = props;
  const chartTheme = useChartTheme();
  const totals = categoryTotals(cost.byService);
  const caption = `Cloud cost by service category, ${formatPeriod(
    cost.from,
    cost.to,
  )}`;

  return (
    <>
      <ChartFrame height={CHART_HEIGHT} initialWidth={600}>
        <BarChart
          accessibilityLayer={false}
          data={totals}
          layout="vertical"
          margin={{ top: 8, right: 16, left: 8, bottom: 0 }}
        >
          <CartesianGrid
            strokeDasharray="3 3"
            horizontal={false}
            stroke={chartTheme.grid}
          />
          <XAxis
            type="number"
            tickFormatter={compactCurrency(currency)}
            {...chartTheme.axis}
          />
          <YAxis
            type="category"
            dataKey="category"
            width={140}
            {...chartTheme.axis}
          />
          <Tooltip
            cursor={{ fill: chartTheme.cursor }}
            contentStyle={chartTheme.tooltipContentStyle}
            formatter={(_value, _name, item) => [
              formatAmount(
                (item?.payload as CategoryTotal | undefined)?.total ?? '0',
                currency,
              ),
              'Cost',
            ]}
          />
          <Bar
            dataKey="value"
            name="Cost"
            fill={chartTheme.partColours.direct}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFrame>
      <ChartDataTable
        caption={caption}
        columns={['Service category', 'Cost']}
        rows={totals.map(total => ({
          name: total.category,
          cells: [formatAmount(total.total, currency)],
        }))}
      />
    </>
  );
}
