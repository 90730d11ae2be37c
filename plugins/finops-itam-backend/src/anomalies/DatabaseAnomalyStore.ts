import { Knex } from 'knex';
import {
  ANOMALIES_TABLE,
  ANOMALY_HISTORY_TABLE,
  ANOMALY_LICENSE_POSITIONS_TABLE,
  DbAmount,
  DbAnomaliesRow,
  DbAnomalyHistoryRow,
  DbAnomalyLicensePositionsRow,
  DbTimestamp,
} from '../database/tables';
import { normalizeAmount } from '../money';
import {
  AnomalyFilter,
  AnomalyHistoryRecord,
  AnomalyStore,
  DetectedAnomaly,
  LicensePositionSnapshot,
  StoredAnomaly,
} from './AnomalyStore';

/** Ids per `whereIn`: far below SQLite's bound-parameter limit. */
const CHUNK = 500;
/** Rows per INSERT: 21 columns each stay far below both engines' parameter limits. */
const INSERT_CHUNK = 50;

const toIso = (value: DbTimestamp) => new Date(value).toISOString();
const amountOf = (value: DbAmount | null) =>
  value === null ? null : normalizeAmount(value);

/** The columns detection owns: a re-run rewrites these and nothing else. */
function detectionColumns(anomaly: DetectedAnomaly) {
  return {
    kind: anomaly.kind,
    entity_ref: anomaly.entityRef,
    product_id: anomaly.productId,
    date: anomaly.date,
    last_date: anomaly.lastDate,
    currency: anomaly.currency,
    actual: anomaly.actual,
    expected: anomaly.expected,
    impact: anomaly.impact,
    total_impact: anomaly.totalImpact,
    score: anomaly.score,
    detail: anomaly.detail,
    drivers: JSON.stringify(anomaly.drivers),
    owner: anomaly.owner,
  };
}

function fromRow(row: DbAnomaliesRow): StoredAnomaly {
  return {
    id: row.id,
    kind: row.kind as StoredAnomaly['kind'],
    entityRef: row.entity_ref,
    productId: row.product_id,
    date: row.date,
    lastDate: row.last_date,
    currency: row.currency,
    actual: amountOf(row.actual),
    expected: amountOf(row.expected),
    impact: amountOf(row.impact),
    totalImpact: amountOf(row.total_impact),
    score: row.score === null ? null : Number(row.score),
    detail: row.detail,
    drivers: JSON.parse(row.drivers),
    owner: row.owner,
    status: row.status as StoredAnomaly['status'],
    resolution: row.resolution as StoredAnomaly['resolution'],
    note: row.note,
    detectedAt: toIso(row.detected_at),
    notifiedAt: row.notified_at === null ? null : toIso(row.notified_at),
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** {@link AnomalyStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseAnomalyStore implements AnomalyStore {
  constructor(private readonly db: Knex) {}

  async upsertDetected(
    anomalies: readonly DetectedAnomaly[],
    detectedAt: string,
  ): Promise<string[]> {
    // One row per id: the last one given wins, as a second write of it would.
    const byId = new Map(anomalies.map(anomaly => [anomaly.id, anomaly]));
    if (byId.size === 0) return [];
    return this.db.transaction(async tx => {
      // Two runs at once (two replicas) both found an id new and one failed on the
      // duplicate key; they now take turns, and the second sees the first's rows.
      await this.oneWriterAtATime(tx, 'anomalies');
      const existing = new Set<string>();
      for (const ids of chunks([...byId.keys()], CHUNK)) {
        const rows: Array<{ id: string }> = await tx(ANOMALIES_TABLE)
          .whereIn('id', ids)
          .select('id');
        for (const row of rows) existing.add(row.id);
      }
      const fresh = [...byId.values()].filter(a => !existing.has(a.id));
      for (const part of chunks(fresh, INSERT_CHUNK)) {
        await tx(ANOMALIES_TABLE).insert(
          part.map(anomaly => ({
            id: anomaly.id,
            ...detectionColumns(anomaly),
            status: 'open',
            resolution: null,
            note: null,
            detected_at: new Date(detectedAt),
            notified_at: null,
          })),
        );
      }
      for (const id of existing) {
        await tx(ANOMALIES_TABLE)
          .where({ id })
          .update(detectionColumns(byId.get(id)!));
      }
      return fresh.map(anomaly => anomaly.id);
    });
  }

  async get(id: string): Promise<StoredAnomaly | undefined> {
    const row = await this.db<DbAnomaliesRow>(ANOMALIES_TABLE)
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async list(filter: AnomalyFilter = {}): Promise<StoredAnomaly[]> {
    const query = this.db<DbAnomaliesRow>(ANOMALIES_TABLE);
    if (filter.from) query.where('date', '>=', filter.from);
    if (filter.to) query.where('date', '<', filter.to);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.status) query.where('status', filter.status);
    const rows = await query.orderBy([
      { column: 'date', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(fromRow);
  }

  async history(
    ids: readonly string[],
  ): Promise<Map<string, AnomalyHistoryRecord[]>> {
    const byId = new Map<string, AnomalyHistoryRecord[]>(
      ids.map(id => [id, []]),
    );
    for (const part of chunks([...byId.keys()], CHUNK)) {
      const rows = await this.db<DbAnomalyHistoryRow>(ANOMALY_HISTORY_TABLE)
        .whereIn('id', part)
        .orderBy('seq');
      for (const row of rows) {
        byId.get(row.id)!.push({
          at: toIso(row.at),
          by: row.by,
          status: row.status as AnomalyHistoryRecord['status'],
          resolution: row.resolution as AnomalyHistoryRecord['resolution'],
          note: row.note,
        });
      }
    }
    return byId;
  }

  async changeStatus(
    id: string,
    expectedStatus: StoredAnomaly['status'],
    change: AnomalyHistoryRecord,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const changed = await tx(ANOMALIES_TABLE)
        .where({ id, status: expectedStatus })
        .update({
          status: change.status,
          resolution: change.resolution,
          note: change.note,
        });
      if (changed === 0) return false;
      await tx(ANOMALY_HISTORY_TABLE).insert({
        id,
        at: new Date(change.at),
        by: change.by,
        status: change.status,
        resolution: change.resolution,
        note: change.note,
      });
      return true;
    });
  }

  async unnotified(): Promise<StoredAnomaly[]> {
    const rows = await this.db<DbAnomaliesRow>(ANOMALIES_TABLE)
      .whereNull('notified_at')
      .where('status', 'open')
      .orderBy([
        { column: 'date', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(fromRow);
  }

  async markNotified(ids: readonly string[], at: string): Promise<void> {
    for (const part of chunks(ids, CHUNK)) {
      await this.db(ANOMALIES_TABLE)
        .whereIn('id', part)
        .whereNull('notified_at')
        .update({ notified_at: new Date(at) });
    }
  }

  async licensePositions(): Promise<LicensePositionSnapshot | undefined> {
    const rows = await this.db<DbAnomalyLicensePositionsRow>(
      ANOMALY_LICENSE_POSITIONS_TABLE,
    ).orderBy('product_id');
    if (rows.length === 0) return undefined;
    return {
      day: rows[0].day,
      entries: rows.map(row => JSON.parse(row.entry)),
    };
  }

  async saveLicensePositions(snapshot: LicensePositionSnapshot): Promise<void> {
    await this.db.transaction(async tx => {
      // Two runs at once both replaced the rows and one failed on a duplicate key.
      await this.oneWriterAtATime(tx, 'anomaly-license-positions');
      await tx(ANOMALY_LICENSE_POSITIONS_TABLE).delete();
      for (const part of chunks(snapshot.entries, INSERT_CHUNK)) {
        await tx(ANOMALY_LICENSE_POSITIONS_TABLE).insert(
          part.map(entry => ({
            product_id: entry.productId,
            day: snapshot.day,
            entry: JSON.stringify(entry),
          })),
        );
      }
    });
  }

  /**
   * Makes concurrent transactions writing `what` take turns on PostgreSQL (a lock held
   * until the transaction ends); SQLite's single writer already does.
   */
  private async oneWriterAtATime(tx: Knex.Transaction, what: string) {
    if (this.db.client.config.client !== 'pg') return;
    await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
      `finops-itam:${what}`,
    ]);
  }
}
