import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  Anomaly,
  EntityCostResponse,
  ForecastDay,
} from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod } from '../../lib';
import { COST_PARTS } from './chartData';
import {
  CHART_HEIGHT,
  compactCurrency,
  PLOT_MARGIN,
  useChartTheme,
} from './chartTheme';
import { ChartDataTable } from './ChartDataTable';
import { ChartFrame } from './ChartFrame';
import { AnomalyMarkerStrip } from './AnomalyMarkerStrip';
import {
  anomalyMarkers,
  CostChartPoint,
  costChartPoints,
} from './forecastChartData';

function PartTooltip(props: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: CostChartPoint }>;
  currency: string;
}) {
  const chartTheme = useChartTheme();
  const point = props.payload?.[0]?.payload;
  if (!props.active || !point) {
    return null;
  }
  const { exact, exactForecast } = point;
  return (
    <Box
      p={1}
      style={{
        background: chartTheme.tooltip.background,
        border: `1px solid ${chartTheme.tooltip.border}`,
        color: chartTheme.tooltip.text,
      }}
    >
      <Typography variant="subtitle2">{point.date}</Typography>
      {exact &&
        COST_PARTS.map(part => (
          <Typography variant="body2" key={part.key}>
            {part.label}: {formatAmount(exact[part.key], props.currency)}
          </Typography>
        ))}
      {exact && (
        <Typography variant="body2">
          <strong>Total: {formatAmount(exact.total, props.currency)}</strong>
        </Typography>
      )}
      {exactForecast && (
        <Typography variant="body2">
          {`Forecast: ${formatAmount(
            exactForecast.expected,
            props.currency,
          )} (${formatAmount(
            exactForecast.low,
            props.currency,
          )} – ${formatAmount(exactForecast.high, props.currency)})`}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The cost of each day or month stacked by part; on the daily chart of a current period,
 * the forecast line with its band after the actual days, and a marker on each day a cost
 * anomaly starts. Screen readers get the figures as tables and the markers as buttons.
 */
export function PartsChart(props: {
  cost: EntityCostResponse;
  currency: string;
  forecastDays?: ForecastDay[];
  anomalies?: Anomaly[];
  onOpenAnomaly?: (anomaly: Anomaly) => void;
}) {
  const { cost, currency, forecastDays = [], anomalies = [] } = props;
  const chartTheme = useChartTheme();
  const points = costChartPoints(cost.series, forecastDays);
  const markers = anomalyMarkers(points, anomalies);
  const caption = `Cost by ${cost.granularity}, ${formatPeriod(
    cost.from,
    cost.to,
  )}`;

  return (
    <>
      <ChartFrame height={CHART_HEIGHT} initialWidth={600}>
        <ComposedChart
          accessibilityLayer={false}
          data={points}
          margin={{
            top: 8,
            right: PLOT_MARGIN.right,
            left: PLOT_MARGIN.left - 72,
            bottom: 0,
          }}
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
                payload={payload as ReadonlyArray<{ payload?: CostChartPoint }>}
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
          {forecastDays.length > 0 && (
            <Area
              dataKey="band"
              name="Forecast band"
              stroke="none"
              fill={chartTheme.forecast}
              fillOpacity={0.2}
              isAnimationActive={false}
            />
          )}
          {forecastDays.length > 0 && (
            <Line
              dataKey="forecast"
              name="Forecast"
              stroke={chartTheme.forecast}
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
            />
          )}
          {markers.map(marker => (
            <ReferenceDot
              key={marker.anomaly.id}
              x={marker.anomaly.date}
              y={marker.value}
              r={6}
              fill={chartTheme.anomaly}
              stroke={chartTheme.tooltip.background}
            />
          ))}
        </ComposedChart>
      </ChartFrame>
      {props.onOpenAnomaly && (
        <AnomalyMarkerStrip
          markers={markers}
          points={points.length}
          onOpen={props.onOpenAnomaly}
        />
      )}
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
      {forecastDays.length > 0 && (
        <ChartDataTable
          caption="Forecast by day"
          columns={['Day', 'Expected', 'Low', 'High']}
          rows={forecastDays.map(day => ({
            name: day.day,
            cells: [
              formatAmount(day.expected, currency),
              formatAmount(day.low, currency),
              formatAmount(day.high, currency),
            ],
          }))}
        />
      )}
    </>
  );
}
