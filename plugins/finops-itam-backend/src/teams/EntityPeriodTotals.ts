import { CostReportStore } from '../database/CostReportStore';
import {
  ComparedPeriods,
  EntityPeriodTotal,
  PeriodSums,
} from '../database/periodTotals';
import { RollupLicenseCostReader } from '../licenses/RollupLicenseCostReader';

export type { ComparedPeriods, EntityPeriodTotal };

/** Entity refs per query: within both engines' parameter limits. */
const REFS_PER_QUERY = 500;

/** Cloud and license totals added per entity and currency. */
function addTotals(...lists: EntityPeriodTotal[][]): EntityPeriodTotal[] {
  const sums = new PeriodSums();
  for (const total of lists.flat()) {
    sums.of(total.entityRef, total.currency, true).add(total.current);
    sums.of(total.entityRef, total.currency, false).add(total.previous);
  }
  return sums.totals();
}

/**
 * All-in rollup totals (direct + shared + licenses) for many entities at once, over two
 * adjacent periods: one read of the daily rollup per 500 entities covers both periods,
 * instead of one cost query per entity and period.
 */
export class EntityPeriodTotals {
  constructor(
    private readonly store: Pick<
      CostReportStore,
      'rollupPeriodTotals' | 'rollupLicensePeriodTotals'
    >,
    private readonly licenseCosts: Pick<
      RollupLicenseCostReader,
      'paidLicenseCost'
    >,
  ) {}

  /** Totals per entity and currency; entities without cost in either period are absent. */
  async totals(
    entityRefs: readonly string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]> {
    const out: EntityPeriodTotal[] = [];
    const refs = [
      ...new Set(entityRefs.map(ref => ref.toLocaleLowerCase('en-US'))),
    ];
    for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
      const chunk = refs.slice(i, i + REFS_PER_QUERY);
      const [cloud, licenses] = await Promise.all([
        this.store.rollupPeriodTotals(chunk, periods),
        this.licenseTotalsOf(chunk, periods),
      ]);
      out.push(...addTotals(cloud, licenses));
    }
    return out;
  }

  /**
   * License cost shares over each entity's rollup (as `GET .../cost` counts them); on the
   * billed basis, license payments on their dates.
   */
  private async licenseTotalsOf(
    refs: string[],
    periods: ComparedPeriods,
  ): Promise<EntityPeriodTotal[]> {
    if (periods.basis !== 'billed') {
      return this.store.rollupLicensePeriodTotals(refs, periods);
    }
    const sums = new PeriodSums();
    const paid = await this.licenseCosts.paidLicenseCost(
      refs,
      periods.previousFrom,
      periods.to,
    );
    for (const row of paid) {
      sums
        .of(row.ancestorRef, row.currency, row.day >= periods.from)
        .add(row.amount);
    }
    return sums.totals();
  }
}
