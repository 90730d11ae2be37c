import { CostSourceStatus } from '@finops-itam/plugin-finops-itam-common';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { CostSourceConfig } from './config';
import { describeSchedule } from './describeSchedule';
import { redactLocation } from './locations';

type LastRunStatus = NonNullable<CostSourceStatus['lastRun']>['status'];

/** Assembles `GET /sources`: each configured source with its last run and stored data. */
export class CostSourceStatusReader {
  constructor(
    private readonly sources: CostSourceConfig[],
    private readonly store: Pick<
      DatabaseCostStore,
      'getSourceState' | 'getIngestion' | 'listIngestions' | 'dataThrough'
    >,
  ) {}

  async list(): Promise<CostSourceStatus[]> {
    return Promise.all(this.sources.map(source => this.describe(source)));
  }

  private async describe(source: CostSourceConfig): Promise<CostSourceStatus> {
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
      location: redactLocation(source.location),
      schedule: describeSchedule(source.schedule),
      lastRun:
        state?.lastRunAt && state.lastStatus
          ? {
              ingestionId: state.lastIngestionId,
              at: state.lastRunAt,
              status: state.lastStatus as LastRunStatus,
              message: state.lastMessage ?? '',
              rows: state.lastIngestionId ? lastRunReport?.rows ?? null : null,
              warnings: state.lastIngestionId ? lastRunReport?.warnings ?? [] : [],
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
