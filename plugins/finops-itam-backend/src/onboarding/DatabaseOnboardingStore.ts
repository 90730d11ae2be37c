import { Knex } from 'knex';
import {
  DbOnboardingHistoryRow,
  DbOnboardingRequestsRow,
  DbTimestamp,
  ENTITY_DAILY_COST_TABLE,
  ONBOARDING_HISTORY_TABLE,
  ONBOARDING_REQUESTS_TABLE,
} from '../database/tables';
import {
  OnboardingHistoryRecord,
  OnboardingRequestChange,
  OnboardingRequestFilter,
  OnboardingStore,
  StoredOnboardingRequest,
} from './OnboardingStore';

/** Ids per `whereIn`: far below SQLite's bound-parameter limit. */
const CHUNK = 500;

const toIso = (value: DbTimestamp) => new Date(value).toISOString();

function toRow(request: StoredOnboardingRequest): DbOnboardingRequestsRow {
  return {
    id: request.id,
    status: request.status,
    ...contentColumns(request),
    ...evaluationColumns(request),
    requested_by: request.requestedBy,
    created_at: new Date(request.createdAt),
    updated_at: new Date(request.updatedAt),
  };
}

function contentColumns(
  content:
    | StoredOnboardingRequest
    | NonNullable<OnboardingRequestChange['content']>,
) {
  return {
    entity_ref: content.entityRef,
    owner: content.owner,
    title: content.title,
    description: content.description,
    go_live: content.goLive,
    procurement: content.procurement,
    replaces: content.replaces,
    body: JSON.stringify(content.input),
  };
}

function evaluationColumns(
  evaluation:
    | StoredOnboardingRequest
    | NonNullable<OnboardingRequestChange['evaluation']>,
) {
  return {
    checks: JSON.stringify(evaluation.checks),
    cost_estimate: JSON.stringify(evaluation.costEstimate),
    reservations: JSON.stringify(evaluation.reservations),
    checked_at: new Date(evaluation.checkedAt),
  };
}

function fromRow(row: DbOnboardingRequestsRow): StoredOnboardingRequest {
  return {
    id: row.id,
    status: row.status as StoredOnboardingRequest['status'],
    entityRef: row.entity_ref,
    owner: row.owner,
    title: row.title,
    description: row.description,
    goLive: row.go_live,
    procurement: row.procurement as StoredOnboardingRequest['procurement'],
    replaces: row.replaces,
    input: JSON.parse(row.body),
    checks: JSON.parse(row.checks),
    costEstimate: JSON.parse(row.cost_estimate),
    reservations: JSON.parse(row.reservations),
    checkedAt: toIso(row.checked_at),
    requestedBy: row.requested_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function historyRow(
  requestId: string,
  entry: OnboardingHistoryRecord,
): Omit<DbOnboardingHistoryRow, 'seq'> {
  return {
    request_id: requestId,
    at: new Date(entry.at),
    by: entry.by,
    action: entry.action,
    detail: entry.detail,
    decision: entry.decision ? JSON.stringify(entry.decision) : null,
  };
}

/** {@link OnboardingStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseOnboardingStore implements OnboardingStore {
  constructor(private readonly db: Knex) {}

  async create(
    request: StoredOnboardingRequest,
    entry: OnboardingHistoryRecord,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(ONBOARDING_REQUESTS_TABLE).insert(toRow(request));
      await tx(ONBOARDING_HISTORY_TABLE).insert(historyRow(request.id, entry));
    });
  }

  async get(id: string): Promise<StoredOnboardingRequest | undefined> {
    const row = await this.db<DbOnboardingRequestsRow>(
      ONBOARDING_REQUESTS_TABLE,
    )
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async list(
    filter: OnboardingRequestFilter = {},
  ): Promise<StoredOnboardingRequest[]> {
    const query = this.db<DbOnboardingRequestsRow>(ONBOARDING_REQUESTS_TABLE);
    if (filter.status) query.where('status', filter.status);
    if (filter.statuses) query.whereIn('status', filter.statuses);
    if (filter.owner) query.where('owner', filter.owner);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    const rows = await query.select();
    return rows.map(fromRow);
  }

  async history(
    requestIds: string[],
  ): Promise<Map<string, OnboardingHistoryRecord[]>> {
    const byRequest = new Map<string, OnboardingHistoryRecord[]>(
      requestIds.map(id => [id, []]),
    );
    for (let i = 0; i < requestIds.length; i += CHUNK) {
      const rows = await this.db<DbOnboardingHistoryRow>(
        ONBOARDING_HISTORY_TABLE,
      )
        .whereIn('request_id', requestIds.slice(i, i + CHUNK))
        .orderBy('seq');
      for (const row of rows) {
        byRequest.get(row.request_id)!.push({
          at: toIso(row.at),
          by: row.by,
          action: row.action as OnboardingHistoryRecord['action'],
          detail: row.detail,
          ...(row.decision ? { decision: JSON.parse(row.decision) } : {}),
        });
      }
    }
    return byRequest;
  }

  async change(
    id: string,
    change: OnboardingRequestChange,
    entries: OnboardingHistoryRecord[],
    onlyIfStatusIn?: StoredOnboardingRequest['status'][],
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const update = tx(ONBOARDING_REQUESTS_TABLE)
        .where({ id })
        .update({
          ...(change.status ? { status: change.status } : {}),
          ...(change.content ? contentColumns(change.content) : {}),
          ...(change.evaluation ? evaluationColumns(change.evaluation) : {}),
          updated_at: new Date(change.updatedAt),
        });
      if (onlyIfStatusIn) update.whereIn('status', onlyIfStatusIn);
      const changed = await update;
      if (changed === 0) return false;
      if (entries.length > 0) {
        await tx(ONBOARDING_HISTORY_TABLE).insert(
          entries.map(entry => historyRow(id, entry)),
        );
      }
      return true;
    });
  }

  async firstCostDay(entityRef: string, from: string): Promise<string | null> {
    const row = await this.db(ENTITY_DAILY_COST_TABLE)
      .where('entity_ref', entityRef)
      .where('day', '>=', from)
      .min({ day: 'day' })
      .first();
    return (row?.day as string | null | undefined) ?? null;
  }
}
