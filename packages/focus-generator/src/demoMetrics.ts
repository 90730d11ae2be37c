import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { calendar, formatDay } from './dates';
import { createRng } from './prng';
import { isBlackFriday } from './usage';

/**
 * Daily business metrics of the demo organisation, the divisors of unit cost: one CSV per
 * metric (`entityRef,date,value`), as `finopsItam.metricSources` in app-config.yaml reads
 * them. The entities and metric names are those of `finops-itam.io/unit-metric` in
 * examples/components.yaml.
 */

/** One demo metric and who reports it. */
interface DemoMetric {
  metric: string;
  /** Every entity divides its cost by the same daily count (checkout and cart both serve orders). */
  entityRefs: string[];
  /** Weekday volume of a normal month, a year before the window ends. */
  perDay: number;
  /** Growth per month, compounding. */
  monthlyGrowth: number;
  /** Relative day-to-day noise (0.06 = ±6 %). */
  noise: number;
}

const DEMO_METRICS: readonly DemoMetric[] = [
  {
    metric: 'orders',
    entityRefs: [
      'component:default/checkout-api',
      'component:default/cart-service',
    ],
    perDay: 4_200,
    monthlyGrowth: 0.02,
    noise: 0.06,
  },
  {
    metric: 'product-views',
    entityRefs: ['component:default/catalog-service'],
    perDay: 180_000,
    monthlyGrowth: 0.015,
    noise: 0.05,
  },
  {
    metric: 'searches',
    entityRefs: ['component:default/search-service'],
    perDay: 65_000,
    monthlyGrowth: 0.025,
    noise: 0.07,
  },
];

/** Shoppers come at weekends and in the holiday season; January is quiet (as in usage.ts). */
const SEASONAL: Record<number, number> = { 11: 1.3, 12: 1.4, 1: 0.9 };

/** @public */
export interface DemoMetricsOptions {
  outDir: string;
  /** First and last day with values (day numbers, inclusive), the window of the FOCUS exports. */
  firstDay: number;
  lastDay: number;
  seed: string;
}

/** One written metric file. @public */
export interface GeneratedMetricFile {
  path: string;
  metric: string;
  rows: number;
}

function dailyVolume(
  metric: DemoMetric,
  day: number,
  lastDay: number,
  seed: string,
): number {
  const { month, weekday } = calendar(day);
  const monthsBeforeEnd = (lastDay - day) / 30.4;
  let value =
    metric.perDay * Math.pow(1 + metric.monthlyGrowth, 12 - monthsBeforeEnd);
  value *= (weekday === 0 || weekday === 6 ? 1.18 : 1) * (SEASONAL[month] ?? 1);
  if (isBlackFriday(day)) value *= 2.6;
  // Drawn per metric and day, so adding a metric leaves the others' numbers as they were.
  const rng = createRng(`${seed}/metric/${metric.metric}/${formatDay(day)}`);
  value *= 1 + rng.between(-metric.noise, metric.noise);
  return Math.max(0, Math.round(value));
}

/** Writes `<outDir>/metrics/<metric>.csv` for every demo metric. @public */
export async function writeDemoMetrics(
  options: DemoMetricsOptions,
): Promise<GeneratedMetricFile[]> {
  const dir = join(options.outDir, 'metrics');
  await mkdir(dir, { recursive: true });
  const files: GeneratedMetricFile[] = [];
  for (const metric of DEMO_METRICS) {
    const lines = ['entityRef,date,value'];
    for (let day = options.firstDay; day <= options.lastDay; day++) {
      const value = dailyVolume(metric, day, options.lastDay, options.seed);
      for (const ref of metric.entityRefs) {
        lines.push(`${ref},${formatDay(day)},${value}`);
      }
    }
    const path = join(dir, `${metric.metric}.csv`);
    await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
    files.push({ path, metric: metric.metric, rows: lines.length - 1 });
  }
  return files;
}
