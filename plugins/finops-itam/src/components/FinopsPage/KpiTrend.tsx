import { useApi } from '@backstage/core-plugin-api';
import { CellText, Flex, Text } from '@backstage/ui';
import { KpiResponse } from '@finops-itam/plugin-finops-itam-common';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { CostPeriod } from '../../lib';
import { DataColumn, DataTable } from '../DataTable';
import { ChartFrame } from '../EntityCostContent/ChartFrame';
import { useChartTheme } from '../EntityCostContent/chartTheme';
import { AsyncContent } from './AsyncContent';
import { monthLabel, trendMonths } from './finopsPeriod';
import { kpiPercent } from './kpiFormat';

type TrendRow = { id: string; month: string; kpis: KpiResponse };

const COLUMNS: DataColumn<TrendRow>[] = [
  {
    id: 'month',
    label: 'Month',
    isRowHeader: true,
    cell: row => (
      <CellText
        title={monthLabel(row.month)}
        description={row.kpis.currency ?? 'no cost'}
      />
    ),
  },
  {
    id: 'esrList',
    label: 'ESR against list',
    cell: row => (
      <CellText
        title={kpiPercent(row.kpis.effectiveSavingsRate.againstList.value)}
      />
    ),
  },
  {
    id: 'esrContracted',
    label: 'ESR against contracted',
    cell: row => (
      <CellText
        title={kpiPercent(
          row.kpis.effectiveSavingsRate.againstContracted.value,
        )}
      />
    ),
  },
  {
    id: 'coverage',
    label: 'Commitment coverage',
    cell: row => (
      <CellText title={kpiPercent(row.kpis.commitmentCoverage.value)} />
    ),
  },
  {
    id: 'allocation',
    label: 'Allocation coverage',
    cell: row => (
      <CellText title={kpiPercent(row.kpis.allocationCoverage.value)} />
    ),
  },
];

/** A ratio as a number of percent for drawing only; the exact figures are in the table. */
function plotted(value: string | null): number | null {
  return value === null ? null : Number(value) * 100;
}

/**
 * The last six months of the main KPIs, one `GET /kpis` per month: a small line chart for the
 * shape, and a table with the exact figures, which is also what a screen reader gets.
 */
export function KpiTrend(props: { period: CostPeriod; today: string }) {
  const { period, today } = props;
  const api = useApi(finopsItamApiRef);
  const chartTheme = useChartTheme();
  const state = useAsync(
    () =>
      Promise.all(
        trendMonths(period, today).map(async month => ({
          id: month.month,
          month: month.month,
          kpis: await api.getKpis({ from: month.from, to: month.to }),
        })),
      ),
    [api, period.from, period.to, today],
  );

  return (
    <Flex direction="column" gap="2">
      <Text as="h3" variant="title-x-small">
        Trend of the last six months
      </Text>
      <AsyncContent state={state} what="the KPI trend">
        {rows => (
          <>
            <ChartFrame height={180} initialWidth={600}>
              <LineChart
                accessibilityLayer={false}
                data={rows.map(row => ({
                  month: row.month,
                  esr: plotted(row.kpis.effectiveSavingsRate.againstList.value),
                  allocation: plotted(row.kpis.allocationCoverage.value),
                }))}
                margin={{ top: 8, right: 16, left: 8, bottom: 8 }}
              >
                <XAxis dataKey="month" {...chartTheme.axis} />
                <YAxis
                  {...chartTheme.axis}
                  width={48}
                  unit="%"
                  domain={['auto', 'auto']}
                />
                <Tooltip
                  contentStyle={chartTheme.tooltipContentStyle}
                  formatter={value =>
                    typeof value === 'number' ? `${value.toFixed(1)}%` : '—'
                  }
                />
                <Line
                  name="ESR against list"
                  dataKey="esr"
                  stroke={chartTheme.partColours.direct}
                  strokeWidth={2}
                  isAnimationActive={false}
                  connectNulls={false}
                />
                <Line
                  name="Allocation coverage"
                  dataKey="allocation"
                  stroke={chartTheme.partColours.shared}
                  strokeWidth={2}
                  strokeDasharray="4 3"
                  isAnimationActive={false}
                  connectNulls={false}
                />
              </LineChart>
            </ChartFrame>
            <Text as="p" variant="body-small" color="secondary">
              Solid line: effective savings rate against list prices; dashed
              line: allocation coverage. Each month in its main currency.
            </Text>
            <DataTable
              label="KPI trend by month"
              columns={COLUMNS}
              items={rows}
              empty={
                <Text as="p" color="secondary">
                  No months before today to show.
                </Text>
              }
            />
          </>
        )}
      </AsyncContent>
    </Flex>
  );
}
