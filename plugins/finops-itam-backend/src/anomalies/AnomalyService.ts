import { InputError, NotFoundError } from '@backstage/errors';
import { Anomaly, AnomalyStatus } from '@finops-itam/plugin-finops-itam-common';
import { dayFromNumber, dayNumber } from './calendarDays';
import {
  AnomalyHistoryRecord,
  AnomalyStore,
  StoredAnomaly,
} from './AnomalyStore';
import {
  anomalyStatusChangeSchema,
  statusChangeProblem,
} from './anomalyStatus';

/** Days listed when a query names no `from`: the last quarter or so. */
const DEFAULT_LIST_DAYS = 90;

export interface AnomalyListQuery {
  from?: string;
  to?: string;
  entityRef?: string;
  status?: AnomalyStatus;
}

function toApi(
  anomaly: StoredAnomaly,
  history: AnomalyHistoryRecord[],
): Anomaly {
  return { ...anomaly, history };
}

/** Reading anomalies and moving them through `open` → `acknowledged` → `resolved`. */
export class AnomalyService {
  constructor(
    private readonly deps: { store: AnomalyStore; now?: () => Date },
  ) {}

  private today(): string {
    return (this.deps.now ?? (() => new Date()))().toISOString().slice(0, 10);
  }

  /** Anomalies that started in `[from, to)`, newest first, each with its history. */
  async list(query: AnomalyListQuery): Promise<Anomaly[]> {
    const to = query.to ?? dayFromNumber(dayNumber(this.today()) + 1);
    const from = query.from ?? dayFromNumber(dayNumber(to) - DEFAULT_LIST_DAYS);
    if (from >= to) {
      throw new InputError(`from (${from}) must be before to (${to})`);
    }
    const anomalies = await this.deps.store.list({
      from,
      to,
      entityRef: query.entityRef?.toLocaleLowerCase('en-US'),
      status: query.status,
    });
    const history = await this.deps.store.history(anomalies.map(a => a.id));
    return anomalies.map(a => toApi(a, history.get(a.id) ?? []));
  }

  /**
   * Applies a status change by `by` (a user ref) and keeps it in the history. A body that
   * is not a valid change, or a move the workflow does not allow, is a 400 naming the field
   * and the reason; an unknown id is a 404. A change made by someone else meanwhile is
   * judged against the status it left.
   */
  async setStatus(id: string, body: unknown, by: string): Promise<Anomaly> {
    const parsed = anomalyStatusChangeSchema.safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        issue => `${issue.path.join('.') || 'body'} ${issue.message}`,
      );
      throw new InputError(`Invalid status change: ${problems.join('; ')}`);
    }
    const change = parsed.data;
    for (;;) {
      const current = await this.deps.store.get(id);
      if (!current) throw new NotFoundError(`No anomaly ${id}`);
      const problem = statusChangeProblem(current.status, change.status);
      if (problem) throw new InputError(`status ${problem}`);
      const changed = await this.deps.store.changeStatus(id, current.status, {
        at: (this.deps.now ?? (() => new Date()))().toISOString(),
        by,
        status: change.status,
        resolution: change.resolution ?? null,
        note: change.note || null,
      });
      if (changed) break;
    }
    const [updated, history] = await Promise.all([
      this.deps.store.get(id),
      this.deps.store.history([id]),
    ]);
    return toApi(updated!, history.get(id) ?? []);
  }
}
