import Box from '@material-ui/core/Box';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod } from '../../lib';
import { CategoryTotal, categoryTotals } from './chartData';
import { CHART_HEIGHT, compactCurrency, useChartTheme } from './chartTheme';
import { VisuallyHidden } from './VisuallyHidden';

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
      <Box height={CHART_HEIGHT} aria-hidden>
        <ResponsiveContainer
          width="100%"
          height={CHART_HEIGHT}
          initialDimension={{ width: 600, height: CHART_HEIGHT }}
        >
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
              tick={chartTheme.axisTick}
              stroke={chartTheme.axisLine}
            />
            <YAxis
              type="category"
              dataKey="category"
              width={140}
              tick={chartTheme.axisTick}
              stroke={chartTheme.axisLine}
            />
            <Tooltip
              cursor={{ fill: chartTheme.cursor }}
              contentStyle={{
                background: chartTheme.tooltip.background,
                borderColor: chartTheme.tooltip.border,
                color: chartTheme.tooltip.text,
              }}
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
        </ResponsiveContainer>
      </Box>
      <VisuallyHidden>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Service category</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {totals.map(total => (
              <tr key={total.category}>
                <th scope="row">{total.category}</th>
                <td>{formatAmount(total.total, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </>
  );
}
