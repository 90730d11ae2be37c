import {
  CommitmentsResponse,
  KpiGroupBy,
  KpiResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { commitmentSummaries } from './commitmentSummaries';
import { kpiAnswer } from './kpiAnswer';
import { KpiPeriod, KpiRollupBuild, KpiStore, OwnerMapping } from './KpiStore';

export interface KpiServiceOptions {
  store: KpiStore;
  /** Entity → owning group, for the rows `GET /kpis` sums when the rollup is behind. */
  owningGroups: OwnerMapping;
  eligibleServiceCategories: readonly string[];
  /** Told when a request found the rollup behind the cost data (e.g. to rebuild it soon). */
  onStaleRollup?: () => void;
}

/**
 * The answers of `GET /kpis` and `GET /commitments`: rows from the store, formulas from
 * `kpiAnswer` and `commitmentSummaries`. The KPIs read the rollup when it is built from the
 * current cost data, and the facts otherwise: slower, but never an answer from old data.
 */
export class KpiService {
  constructor(private readonly options: KpiServiceOptions) {}

  async kpis(period: KpiPeriod, groupBy?: KpiGroupBy): Promise<KpiResponse> {
    const { store, owningGroups, eligibleServiceCategories } = this.options;
    let rows = await store.rollupRows(period);
    if (rows === null) {
      this.options.onStaleRollup?.();
      rows = await store.factRows(period, owningGroups);
    }
    const answer = kpiAnswer(rows, {
      eligibleServiceCategories,
      // The rows' owner is the owning group (see KpiStore), which the contract calls team.
      groupBy: groupBy === 'team' ? 'owner' : groupBy,
    });
    return { from: period.from, to: period.to, ...answer };
  }

  async commitments(period: KpiPeriod): Promise<CommitmentsResponse> {
    const rows = await this.options.store.commitmentRows(period);
    return {
      from: period.from,
      to: period.to,
      items: commitmentSummaries(rows),
    };
  }

  /** Rebuilds the rollup when the cost data changed since it was built; null otherwise. */
  async refreshRollup(): Promise<KpiRollupBuild | null> {
    const { store, owningGroups } = this.options;
    if (await store.rollupIsCurrent()) return null;
    return store.rebuildRollup(owningGroups);
  }
}
