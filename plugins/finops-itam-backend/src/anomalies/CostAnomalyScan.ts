import {
  DailyCostDays,
  EntityDailyCostReader,
  EntityDailyTotals,
} from '../database/EntityDailyCostReader';
import { dayFromNumber, dayNumber } from './calendarDays';
import {
  COST_ANOMALY_DEFAULTS,
  CostAnomalyOptions,
} from './costAnomalyOptions';
import { CostAnomaly, EntityCostSeries } from './costAnomalyTypes';
import { detectCostAnomalies } from './detectCostAnomalies';

/** Entities read and judged together: bounds the memory of a run of thousands of entities. */
const BATCH = 250;

/** The detection settings of `finopsItam.anomalies` a scan uses. */
export interface CostAnomalyScanSettings {
  lagDays: number;
  minHistoryDays: number;
  threshold: number;
  minImpactPercent: number;
  /** Smallest absolute impact per currency, decimal strings. */
  minImpact: Record<string, string>;
  increasesOnly: boolean;
  /** Days before the last complete day whose anomalies a run reports. */
  lookbackDays: number;
  /** Lowercase kinds whose entities are watched. */
  entityKinds: string[];
}

export interface CostAnomalyScanResult {
  anomalies: CostAnomaly[];
  /** Entities whose cost was judged. */
  entities: number;
  /** The last complete day judged; null when there is no cost data yet. */
  lastComplete: string | null;
  /** The first day anomalies were reported from. */
  reportFrom: string | null;
}

const addDays = (day: string, days: number) =>
  dayFromNumber(dayNumber(day) + days);

/**
 * Finds cost anomalies in every watched entity's daily amortized cost. Days are complete
 * `lagDays` before today, and never after the latest day with cost data: an export that
 * stopped (the demo's, a broken source) must not look like every entity's cost falling to
 * zero. Only anomalies of the last `lookbackDays` are reported, and only the history their
 * judgement needs is read (`reportFrom` of `detectCostAnomalies`), so a daily run reads
 * about five months per entity, not the whole history.
 *
 * Drivers need the per-service and per-resource split, which only the facts have: each
 * entity with an anomaly is judged again with the split of the anomaly's day and window,
 * read for just those days.
 */
export async function scanCostAnomalies(
  reader: EntityDailyCostReader,
  settings: CostAnomalyScanSettings,
  today: string,
): Promise<CostAnomalyScanResult> {
  const latest = await reader.latestCostDay();
  if (latest === null) {
    return { anomalies: [], entities: 0, lastComplete: null, reportFrom: null };
  }
  const completeByLag = addDays(today, -settings.lagDays);
  const lastComplete = latest < completeByLag ? latest : completeByLag;
  const reportFrom = addDays(lastComplete, 1 - settings.lookbackDays);
  const { windowDays, spreadDays } = COST_ANOMALY_DEFAULTS;
  const days: DailyCostDays = {
    from: addDays(reportFrom, -(spreadDays + 2 * windowDays)),
    to: addDays(lastComplete, 1),
  };
  const options: CostAnomalyOptions = {
    // Detection takes the run's day and its lag; this day makes `lastComplete` its last.
    asOf: addDays(lastComplete, settings.lagDays),
    lagDays: settings.lagDays,
    minHistoryDays: settings.minHistoryDays,
    zThreshold: settings.threshold,
    minImpactPercent: settings.minImpactPercent,
    minImpactByCurrency: settings.minImpact,
    directions: settings.increasesOnly ? 'increases' : 'both',
    reportFrom,
  };

  const refs = await reader.entitiesWithCost(settings.entityKinds, days);
  const anomalies: CostAnomaly[] = [];
  for (let i = 0; i < refs.length; i += BATCH) {
    const totals = await reader.dailyTotals(refs.slice(i, i + BATCH), days);
    const unusual: Array<{ series: EntityCostSeries; found: CostAnomaly[] }> =
      [];
    for (const entity of totals) {
      const series = toSeries(entity);
      const found = detectCostAnomalies(series, options).anomalies;
      if (found.length > 0) unusual.push({ series, found });
    }
    anomalies.push(...(await withDrivers(reader, unusual, options)));
  }
  return { anomalies, entities: refs.length, lastComplete, reportFrom };
}

function toSeries(entity: EntityDailyTotals): EntityCostSeries {
  return {
    entityRef: entity.entityRef,
    currency: entity.currency,
    days: entity.days,
    // The rollup has no row for a day an entity cost nothing; days after the latest cost
    // data are never judged (see above), so an absent day is a zero-cost day.
    absentDays: 'zero-cost',
  };
}

/**
 * The same anomalies judged again with the split of their days and windows, read in one
 * query for the batch: from the earliest window to the latest anomaly day.
 */
async function withDrivers(
  reader: EntityDailyCostReader,
  unusual: ReadonlyArray<{ series: EntityCostSeries; found: CostAnomaly[] }>,
  options: CostAnomalyOptions,
): Promise<CostAnomaly[]> {
  if (unusual.length === 0) return [];
  const dates = unusual.flatMap(({ found }) => found.map(a => a.date)).sort();
  const range: DailyCostDays = {
    from: addDays(dates[0], -COST_ANOMALY_DEFAULTS.windowDays),
    to: addDays(dates[dates.length - 1], 1),
  };
  const splits = await reader.dailyBreakdowns(
    [...new Set(unusual.map(({ series }) => series.entityRef))],
    range,
  );
  return unusual.flatMap(({ series }) => {
    const split = new Map(
      (splits.get(series.entityRef) ?? [])
        .filter(row => row.currency === series.currency)
        .map(row => [row.day, row]),
    );
    const enriched: EntityCostSeries = {
      ...series,
      days: series.days.map(day => {
        if (day.day < range.from || day.day >= range.to) return day;
        // A day of the range without direct cost has an empty split: nothing was spent on
        // any service (absent days are filled in the same way by detection).
        const found = split.get(day.day);
        return {
          ...day,
          byService: found?.byService ?? {},
          byResource: found?.byResource ?? {},
        };
      }),
    };
    return detectCostAnomalies(enriched, options).anomalies;
  });
}
