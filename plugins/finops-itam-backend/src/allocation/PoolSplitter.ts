import { LoggerService } from '@backstage/backend-plugin-api';
import {
  COST_BASES,
  AllocationStore,
  SharedAllocationRow,
} from '../database/AllocationStore';
import type { DayAmounts } from '../database/DailyRollupWriter';
import type { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { monthsOf, nextMonthStart } from '../shared/months';
import {
  PrepaidMonthState,
  SharedCostPool,
  lastCompleteDay,
  monthToDateDraw,
  prepaidMonthState,
  splitPool,
} from './shared';

/**
 * A month of a prepaid pool that was still open at the run: only its month-to-date share
 * was split, by usage so far, and nothing was called unused yet.
 */
export interface OpenPrepaidMonth {
  poolId: string;
  /** `YYYY-MM`. */
  month: string;
  /** The last complete day counted, `YYYY-MM-DD` (month-to-date through it). */
  through: string;
  elapsedDays: number;
  daysInMonth: number;
}

/**
 * Who carries the unused part of a prepaid pool: the configured `unusedTarget`, else the
 * owner (by `cost-accounts`) of the account its rows were bought in, when that is one
 * entity. Otherwise none, reported: the pool is then split by usage alone.
 */
export function unusedTargetOf(
  pool: SharedCostPool,
  poolBuyers: ReadonlyMap<string, ReadonlySet<string | null>>,
  configIssues: string[],
): string | undefined {
  if (pool.unusedTarget !== undefined) return pool.unusedTarget;
  const buyers = [...(poolBuyers.get(pool.id) ?? [])];
  if (buyers.length === 1 && buyers[0] !== null) return buyers[0];
  configIssues.push(
    `shared cost pool ${pool.id}: no unusedTarget and its rows' accounts do not have one ` +
      'owner (cost-accounts); the unused part of the commitment is split by usage',
  );
  return undefined;
}

/** Splits shared-cost pools into their targets' parts, day by day, exactly. */
export class PoolSplitter {
  constructor(
    private readonly options: {
      logger: LoggerService;
      /** Business metric volumes for `metric` and `prepaid` pools. */
      metrics?: MetricVolumeReader;
      /**
       * The run's clock. Its last complete UTC day (yesterday) decides whether a prepaid
       * month is open (month-to-date) or closed; injectable so results are reproducible.
       */
      now?: () => Date;
    },
  ) {}

  /** Where each month stands for prepaid pools at this moment of the run's clock. */
  private prepaidMonths(): (month: string) => PrepaidMonthState {
    const through = lastCompleteDay(this.options.now?.() ?? new Date());
    return month => prepaidMonthState(month, through);
  }

  /**
   * Replaces one pool's parts: per day, currency and basis the pool's cost is split
   * between its targets. A pool without targets keeps no parts, so its cost stays
   * unallocated (and visible in coverage) instead of vanishing. A prepaid pool's month
   * still open at the run's clock is split month-to-date only (see `prepaidAmounts`), and a
   * month not begun not at all. Returns the number of parts, whether they differ from the
   * stored ones (only then are they written) and the prepaid months still open.
   */
  async splitSharedPool(
    store: AllocationStore,
    pool: SharedCostPool,
    inputs: {
      targets: string[];
      totals: readonly DayAmounts[];
      /** Rollup direct cost per target, for `proportional`. */
      directByTarget: ReadonlyMap<string, readonly DayAmounts[]>;
      /** Metric volumes per month (`YYYY-MM` → target → volume), for `metric` and `prepaid`. */
      usageByMonth: ReadonlyMap<string, Record<string, string>> | undefined;
      /** For `prepaid`: who carries the unused part; without one it is split by usage too. */
      unusedTarget: string | undefined;
    },
  ): Promise<{
    parts: number;
    changed: boolean;
    /** For `prepaid`: the months still open, split month-to-date only. */
    openMonths: OpenPrepaidMonth[];
  }> {
    const { logger } = this.options;
    const { targets, totals, directByTarget, usageByMonth, unusedTarget } =
      inputs;
    if (targets.length === 0 || totals.length === 0) {
      if (totals.length > 0) {
        logger.warn(
          `Shared cost pool ${pool.id} has no targets in the catalog; its cost stays unallocated`,
        );
      }
      const changed = await store.replaceSharedAllocations(pool.id, []);
      return { parts: 0, changed, openMonths: [] };
    }
    const monthly =
      pool.method === 'prepaid'
        ? prepaidAmounts(pool.id, totals, this.prepaidMonths())
        : undefined;
    const rows: SharedAllocationRow[] = [];
    const notes = new Set<string>();
    // Each target's rollup direct cost by day and currency, for proportional pools.
    const directOn = new Map<string, DayAmounts>();
    for (const [target, days] of directByTarget) {
      for (const d of days)
        directOn.set(`${target}\u0000${d.day}\u0000${d.currency}`, d);
    }
    for (const total of totals) {
      for (const basis of COST_BASES) {
        const directCostByTarget =
          pool.method === 'proportional'
            ? Object.fromEntries(
                targets.map(t => [
                  t,
                  directOn.get(
                    `${t}\u0000${total.day}\u0000${total.currency}`,
                  )?.[basis] ?? '0',
                ]),
              )
            : undefined;
        const month = monthly?.amountOf(total, basis);
        if (month && month.amount === undefined) {
          continue; // A prepaid month not begun, or a day of an open month not drawn yet.
        }
        const monthToDate = month?.monthToDate;
        // A prepaid pool without anyone to carry its unused part is split by usage alone;
        // while its month is open there is no unused part to carry.
        const byUsageAlone =
          pool.method === 'prepaid' &&
          !monthToDate &&
          unusedTarget === undefined;
        const result = splitPool({
          amount: month?.amount ?? total[basis],
          method: byUsageAlone ? 'metric' : pool.method,
          targets,
          directCostByTarget,
          fixedWeights: pool.weights,
          metricByTarget: usageByMonth?.get(total.day.slice(0, 7)) ?? {},
          committedQuantity: pool.committedQuantity,
          unusedTarget,
          monthToDate,
        });
        if (result.fallback) {
          notes.add(result.fallback);
        }
        for (const part of result.parts) {
          if (!/^-?0(\.0*)?$/.test(part.amount)) {
            rows.push({
              day: total.day,
              currency: total.currency,
              basis,
              targetRef: part.target,
              amount: part.amount,
            });
          }
        }
      }
    }
    if (notes.size > 0) {
      logger.info(
        `Shared cost pool ${pool.id}: ${[...notes].slice(0, 3).join(' | ')}`,
      );
    }

    const openMonths = monthly?.openMonths ?? [];
    if (openMonths.length > 0) {
      logger.info(
        `Shared cost pool ${pool.id}: ${describeOpenMonths(openMonths)}`,
      );
    }

    const changed = await store.replaceSharedAllocations(pool.id, rows);
    return { parts: rows.length, changed, openMonths };
  }

  /**
   * A metric pool's targets' volumes per calendar month (`YYYY-MM` → ref → volume): each
   * day of a month is split by the month's volumes, so a missing daily value does not send
   * that day's cost elsewhere, and one read per month serves all its days. Months without
   * any volume are absent (split evenly, reported once).
   */
  async metricVolumesByMonth(
    pool: SharedCostPool,
    targets: readonly string[],
    days: string[],
    configIssues: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    const { metrics } = this.options;
    // Without usage a prepaid commitment counts as unused, not as split evenly.
    const fallback =
      pool.method === 'prepaid' ? 'counted as unused' : 'split evenly';
    if (!metrics || !pool.metric) {
      configIssues.push(
        `shared cost pool ${pool.id} is split by metric "${pool.metric}" but business metrics ` +
          `are not available; ${fallback}`,
      );
      return out;
    }
    const empty: string[] = [];
    const stateOf = this.prepaidMonths();
    for (const month of monthsOf(days)) {
      // A prepaid month is compared with its month-to-date share: usage likewise, up to
      // the last complete day. A month not begun has nothing to split.
      const state = pool.method === 'prepaid' ? stateOf(month) : undefined;
      if (state?.state === 'not-begun') continue;
      const volumes = await metrics.volumes(
        pool.metric,
        [...targets],
        `${month}-01`,
        state?.state === 'open'
          ? dayAfter(state.through)
          : nextMonthStart(month),
      );
      if (volumes.size === 0 && state?.state === 'open') {
        // Nobody has used it so far this month: not a configuration problem. Its
        // month-to-date share waits for usage, or for the month to close (then unused).
        continue;
      }
      if (volumes.size === 0) {
        empty.push(month);
      } else {
        out.set(month, Object.fromEntries(volumes));
      }
    }
    if (empty.length > 0) {
      configIssues.push(
        `shared cost pool ${pool.id}: no values of metric "${pool.metric}" for its targets in ` +
          `${empty.slice(0, 3).join(', ')}${
            empty.length > 3 ? ` and ${empty.length - 3} more month(s)` : ''
          }; ${fallback}`,
      );
    }
    return out;
  }
}

function dayAfter(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

function describeOpenMonths(months: readonly OpenPrepaidMonth[]): string {
  return months
    .map(
      m =>
        `${m.month} is open, split month-to-date through ${m.through} ` +
        `(${m.elapsedDays} of ${m.daysInMonth} days); unused part assigned when it closes`,
    )
    .join(' | ');
}

type Basis = (typeof COST_BASES)[number];

/**
 * A prepaid pool's amounts to split, by month: a closed month's days as they are (no
 * `monthToDate`); an open month's month-to-date draw (see `monthToDateDraw`), per currency
 * and basis, on the complete days it was taken from, other days having nothing to split
 * yet; a month not begun has nothing to split.
 */
function prepaidAmounts(
  poolId: string,
  totals: readonly DayAmounts[],
  stateOf: (month: string) => PrepaidMonthState,
) {
  const openMonths: OpenPrepaidMonth[] = [];
  const drawn = new Map<string, string>();
  const states = new Map<string, PrepaidMonthState>();
  const byMonthAndCurrency = new Map<string, DayAmounts[]>();
  for (const total of totals) {
    const month = total.day.slice(0, 7);
    if (!states.has(month)) {
      const state = stateOf(month);
      states.set(month, state);
      if (state.state === 'open') {
        const { through, elapsedDays, daysInMonth } = state;
        openMonths.push({ poolId, month, through, elapsedDays, daysInMonth });
      }
    }
    const key = `${month}\u0000${total.currency}`;
    const days = byMonthAndCurrency.get(key) ?? [];
    days.push(total);
    byMonthAndCurrency.set(key, days);
  }
  for (const [key, days] of byMonthAndCurrency) {
    const state = states.get(key.slice(0, 7))!;
    if (state.state !== 'open') continue;
    for (const basis of COST_BASES) {
      const draw = monthToDateDraw(
        days.map(d => ({ day: d.day, amount: d[basis] })),
        state,
      );
      for (const d of draw.drawn)
        drawn.set(`${key}\u0000${d.day}\u0000${basis}`, d.amount);
    }
  }
  return {
    openMonths,
    amountOf(
      total: DayAmounts,
      basis: Basis,
    ): {
      amount?: string;
      monthToDate?: { elapsedDays: number; daysInMonth: number };
    } {
      const month = total.day.slice(0, 7);
      const state = states.get(month)!;
      if (state.state === 'closed') return { amount: total[basis] };
      if (state.state === 'not-begun') return {};
      const key = `${month}\u0000${total.currency}\u0000${total.day}\u0000${basis}`;
      const { elapsedDays, daysInMonth } = state;
      return {
        amount: drawn.get(key),
        monthToDate: { elapsedDays, daysInMonth },
      };
    },
  };
}
