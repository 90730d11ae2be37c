/**
 * Settings of cost anomaly detection. The defaults follow `shared/design/domain.md` §4 (what
 * AWS Cost Anomaly Detection, Azure, the Microsoft FinOps toolkit and Datadog do) and issue 16.
 */
export interface CostAnomalyOptions {
  /**
   * The day the detection runs (`YYYY-MM-DD`, UTC). Days after `asOf − lagDays` are not
   * complete yet and are never evaluated.
   */
  asOf: string;
  /**
   * Days a day's cost needs to settle. Default 2: billing data is not final for about 48 h
   * (Datadog waits 48 h, Azure evaluates 36 h after the day closes; issue 16 says 2 days).
   */
  lagDays?: number;
  /**
   * Trailing days a day is compared with. Default 28: four of each weekday, the long end of
   * the 14–28 day rolling window of domain.md §4, so the weekly profile has a median per day.
   */
  windowDays?: number;
  /**
   * Observed days the window must hold before a day is judged; a series with fewer complete
   * days is skipped. Default 14 (issue 16; domain.md §4 says 10, AWS needs about 10).
   */
  minHistoryDays?: number;
  /**
   * Days of the detector's own past prediction errors that set the spread a day is scored
   * by, once `windowDays` of them are known (before that, the window's errors do). Default
   * 84: see `ErrorHistory`.
   */
  spreadDays?: number;
  /** |robust z| at or above which a day is unusual. Default 3 (domain.md §4: 2.5–3). */
  zThreshold?: number;
  /**
   * Smallest absolute impact (actual − expected) worth an alert, per currency, as a decimal
   * string. A currency not listed has no absolute minimum: amounts in yen and in euros are
   * not comparable, so no single default could fit both.
   */
  minImpactByCurrency?: Readonly<Record<string, string>>;
  /**
   * Smallest impact as a percentage of the expected amount. Default 10, a choice: domain.md
   * gives no number, only that AWS and Vantage alert on absolute or percentage impact. On
   * the forecast bench's demo-like series (2–12 % daily noise) it keeps the z threshold from
   * flagging the day-to-day wobble of noisy entities.
   */
  minImpactPercent?: number;
  /** Whether drops are anomalies too (a service that stopped). Default: both directions. */
  directions?: 'both' | 'increases';
  /** Drivers kept per kind (service, resource), largest impact first. Default 5. */
  maxDriversPerKind?: number;
  /**
   * First day to report (`YYYY-MM-DD`): anomalies that ended before it are left out, and only
   * the `windowDays + spreadDays` before it are judged again for context, so a daily run
   * need not judge the whole history. An anomaly that started earlier and goes on is
   * reported with its real first day (and so its same key). Default: report everything.
   */
  reportFrom?: string;
}

export type ResolvedCostAnomalyOptions = Required<
  Omit<CostAnomalyOptions, 'reportFrom'>
> &
  Pick<CostAnomalyOptions, 'reportFrom'>;

export const COST_ANOMALY_DEFAULTS = {
  lagDays: 2,
  windowDays: 28,
  spreadDays: 84,
  minHistoryDays: 14,
  zThreshold: 3,
  minImpactByCurrency: {},
  minImpactPercent: 10,
  directions: 'both',
  maxDriversPerKind: 5,
} as const satisfies Omit<ResolvedCostAnomalyOptions, 'asOf' | 'reportFrom'>;

export function resolveCostAnomalyOptions(
  options: CostAnomalyOptions,
): ResolvedCostAnomalyOptions {
  const resolved: ResolvedCostAnomalyOptions = {
    ...COST_ANOMALY_DEFAULTS,
    ...withoutUndefined(options),
    asOf: options.asOf,
  };
  for (const key of [
    'lagDays',
    'windowDays',
    'spreadDays',
    'minHistoryDays',
    'maxDriversPerKind',
  ] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0) {
      throw new RangeError(`${key} must be a whole number of 0 or more`);
    }
  }
  for (const key of ['zThreshold', 'minImpactPercent'] as const) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) {
      throw new RangeError(`${key} must be a number of 0 or more`);
    }
  }
  if (resolved.windowDays < 7) {
    throw new RangeError(
      `windowDays (${resolved.windowDays}) must hold a whole week for the weekly profile`,
    );
  }
  if (resolved.minHistoryDays > resolved.windowDays) {
    throw new RangeError(
      `minHistoryDays (${resolved.minHistoryDays}) cannot exceed windowDays (${resolved.windowDays})`,
    );
  }
  return resolved;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
