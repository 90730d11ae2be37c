import { CostSourceStatus } from '@finops-itam/plugin-finops-itam-common';
import { FinopsItamCostSource } from '@finops-itam/plugin-finops-itam-node';
import { CostStore } from '../database/CostStore';
import { costSourceSchedule } from './costSourceSchedule';
import { describeSchedule } from './describeSchedule';

type LastRunStatus = NonNullable<CostSourceStatus['lastRun']>['status'];

/**
 * Assembles `GET /sources`: each source, configured or from a module, with its last run and
 * stored data. `location` is the source's description (a configured location without
 * credentials).
 */
export class CostSourceStatusReader {
  constructor(
    private readonly sources: FinopsItamCostSource[],
    private readonly store: Pick<
      CostStore,
      'getSourceState' | 'getIngestion' | 'listIngestions' | 'dataThrough'
    >,
  ) {}

  async list(): Promise<CostSourceStatus[]> {
    return Promise.all(this.sources.map(source => this.describe(source)));
  }

  private async describe(
    source: FinopsItamCostSource,
  ): Promise<CostSourceStatus> {
    const [state, [latest], dataThrough] = await Promise.all([
      this.store.getSourceState(source.id),
      this.store.listIngestions({ sourceId: source.id, limit: 1 }),
      this.store.dataThrough(source.id),
    ]);
    const lastRunReport =
      state?.lastIngestionId && state.lastIngestionId !== latest?.id
        ? await this.store.getIngestion(state.lastIngestionId)
        : latest;
    return {
      id: source.id,
      location: source.description,
      schedule: describeSchedule(costSourceSchedule(source)),
      lastRun:
        state?.lastRunAt && state.lastStatus
          ? {
              ingestionId: state.lastIngestionId,
              at: state.lastRunAt,
              status: state.lastStatus as LastRunStatus,
              message: state.lastMessage ?? '',
              rows: state.lastIngestionId ? lastRunReport?.rows ?? null : null,
              warnings: state.lastIngestionId
                ? lastRunReport?.warnings ?? []
                : [],
            }
          : null,
      lastIngestion: latest
        ? {
            id: latest.id,
            status: latest.status,
            at: latest.startedAt,
            rows: latest.rows,
            warnings: latest.warnings ?? [],
          }
        : null,
      dataThrough,
      schemaDrift: state?.schemaDrift ?? null,
    };
  }
}
