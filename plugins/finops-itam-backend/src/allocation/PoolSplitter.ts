import { LoggerService } from '@backstage/backend-plugin-api';
import {
  COST_BASES,
  DatabaseAllocationStore,
  SharedAllocationRow,
} from '../database/DatabaseAllocationStore';
import type { DayAmounts } from '../database/DailyRollupWriter';
import type { MetricVolumeReader } from '../metrics/MetricVolumeReader';
import { monthsOf, nextMonthStart } from './months';
import { SharedCostPool, splitPool } from './shared';

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
    },
  ) {}

  /**
   * Replaces one pool's parts: per day, currency and basis the pool's cost is split
   * between its targets. A pool without targets keeps no parts, so its cost stays
   * unallocated (and visible in coverage) instead of vanishing. Returns the number of parts
   * and whether they differ from the stored ones (only then are they written).
   */
  async splitSharedPool(
    store: DatabaseAllocationStore,
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
  ): Promise<{ parts: number; changed: boolean }> {
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
      return { parts: 0, changed };
    }
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
        const prepaid = pool.method === 'prepaid' && unusedTarget !== undefined;
        const result = splitPool({
          amount: total[basis],
          // A prepaid pool without anyone to carry its unused part is split by usage alone.
          method:
            pool.method === 'prepaid' && !prepaid ? 'metric' : pool.method,
          targets,
          directCostByTarget,
          fixedWeights: pool.weights,
          metricByTarget: usageByMonth?.get(total.day.slice(0, 7)) ?? {},
          committedQuantity: pool.committedQuantity,
          unusedTarget,
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

    const changed = await store.replaceSharedAllocations(pool.id, rows);
    return { parts: rows.length, changed };
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
    for (const month of monthsOf(days)) {
      const volumes = await metrics.volumes(
        pool.metric,
        [...targets],
        `${month}-01`,
        nextMonthStart(month),
      );
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
