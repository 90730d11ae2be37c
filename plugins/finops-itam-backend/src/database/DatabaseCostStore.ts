import { DatabaseService } from '@backstage/backend-plugin-api';
import { IngestionReport } from '@finops-itam/plugin-finops-itam-common';
import { Knex } from 'knex';
import { normalizeAmount, sumAmounts } from '../money';
import { allocationKeyOf } from './allocationKey';
import {
  CostFact,
  CostSourceState,
  CostStore,
  FactReplacement,
  FileTotal,
} from './CostStore';
import { monthsOfFacts, recordChangedMonths } from './changedMonths';
import { bumpCostDataVersion } from './costDataVersion';
import { databaseKindOf } from './databaseKind';
import { migrateDatabase } from './migrations';
import { normalizeTags } from './tags';
import { plainAmount } from './plainAmount';
import { copyRowsInto } from './postgresCopy';
import { mapBatches } from './rowBatches';
import { insertRowsIntoSqlite } from './sqliteBulkInsert';
import { sqliteExactTotals } from './sqliteExactTotals';
import {
  COST_FACTS_TABLE,
  COST_SOURCES_TABLE,
  INGESTIONS_TABLE,
} from './tables';

// Kept importable from here for the modules that named the store's types before the interface.
export type { CostSourceState, FactReplacement } from './CostStore';

const TOTAL_COLUMNS = [
  'billing_account_id',
  'billing_period_start',
  'currency',
  'billed_cost',
  'effective_cost',
];

function groupKey(
  t: Pick<FileTotal, 'billingAccountId' | 'billingPeriodStart' | 'currency'>,
) {
  return `${t.billingAccountId}\u0000${t.billingPeriodStart}\u0000${t.currency}`;
}

/** Sums fact rows exactly per billing account, billing period and currency, in key order. */
function sumTotals(rows: Record<string, any>[]): FileTotal[] {
  type Group = { total: FileTotal; billed: string[]; effective: string[] };
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const total: FileTotal = {
      billingAccountId: row.billing_account_id,
      billingPeriodStart: row.billing_period_start,
      currency: row.currency,
      billedCost: '0',
      effectiveCost: '0',
    };
    const key = groupKey(total);
    const group: Group = groups.get(key) ?? {
      total,
      billed: [],
      effective: [],
    };
    group.billed.push(normalizeAmount(row.billed_cost));
    group.effective.push(normalizeAmount(row.effective_cost));
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { total, billed, effective }]) => ({
      ...total,
      billedCost: sumAmounts(billed),
      effectiveCost: sumAmounts(effective),
    }));
}

const toIso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/**
 * Persists daily cost facts, ingestion reports and source state in the plugin database.
 * Amounts go in and come out as decimal strings; sums are done with exact decimals in
 * JavaScript so SQLite and PostgreSQL give the same answer.
 */
export class DatabaseCostStore implements CostStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCostStore> {
    const client = await options.database.getClient();
    await migrateDatabase(client, options.database);
    return new DatabaseCostStore(client);
  }

  constructor(private readonly db: Knex) {}

  /**
   * Replaces, in one transaction, every row of the source in each billing period the
   * delivery holds (regular charges and corrections alike, whatever the files are called: a
   * delivery is the whole snapshot of its periods); then reads back what it stored.
   * If `verify` throws, nothing is changed: the previous data stays visible throughout.
   * Facts may come in batches as the reader produces them: they are stored first, and the
   * periods they turned out to hold are then cleared of the source's earlier facts (those
   * of another ingestion), so no batch has to be kept to know what to delete.
   */
  async replaceFacts(
    replacement: FactReplacement,
    verify: (storedTotals: FileTotal[]) => void,
  ): Promise<void> {
    const { sourceId, ingestionId } = replacement;

    await this.db.transaction(async trx => {
      if (this.db.client.config.client === 'pg') {
        // Serialises deliveries of one source across backend replicas; SQLite's single
        // writer lock does the same there.
        await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
          `finops-itam:${sourceId}`,
        ]);
      }
      const deliveredPeriods = new Set<string>();
      // The months whose facts change, for the next allocation run to rebuild.
      const changedMonths = new Set<string>();
      const tagCache = new Map<string | null, string | null>();
      const rows = mapBatches(replacement.facts, fact => {
        deliveredPeriods.add(fact.billingPeriodStart);
        changedMonths.add(fact.day.slice(0, 7));
        if (!tagCache.has(fact.tags)) {
          tagCache.set(fact.tags, normalizeTags(fact.tags));
        }
        return toRow(fact, sourceId, ingestionId, tagCache.get(fact.tags)!);
      });
      // The databases' bulk paths, on the transaction's connection: COPY on PostgreSQL, one
      // prepared multi-row INSERT on SQLite. Amounts travel as decimal text either way.
      if (databaseKindOf(this.db) === 'postgres') {
        await copyRowsInto(trx, COST_FACTS_TABLE, rows);
      } else {
        await insertRowsIntoSqlite(trx, COST_FACTS_TABLE, rows);
      }
      if (deliveredPeriods.size > 0) {
        const replaced = (q: Knex.QueryBuilder) =>
          q
            .where('source_id', sourceId)
            .whereIn('billing_period_start', [...deliveredPeriods])
            .whereNot('ingestion_id', ingestionId);
        for (const month of await monthsOfFacts(trx, replaced))
          changedMonths.add(month);
        await replaced(trx(COST_FACTS_TABLE)).delete();
      }
      await recordChangedMonths(trx, changedMonths);
      verify(await this.storedTotals(trx, ingestionId));
      await bumpCostDataVersion(trx);
    });
  }

  /** BilledCost and EffectiveCost stored by one ingestion, per account, period and currency. */
  async storedTotals(
    db: Knex.Transaction,
    ingestionId: string,
  ): Promise<FileTotal[]> {
    if (databaseKindOf(this.db) === 'postgres') {
      // numeric sums are exact in PostgreSQL; summing there saves shipping every row back.
      const rows = await db(COST_FACTS_TABLE)
        .where('ingestion_id', ingestionId)
        .groupBy('billing_account_id', 'billing_period_start', 'currency')
        .select('billing_account_id', 'billing_period_start', 'currency')
        .sum({ billed_cost: 'billed_cost', effective_cost: 'effective_cost' });
      return sumTotals(rows);
    }
    // SQLite would sum the decimal text as binary floats: the rows are summed exactly here,
    // one at a time as SQLite steps through them, so a large delivery is never read whole.
    return sqliteExactTotals(db, ingestionId);
  }

  /** Exact totals of everything stored for a source, per account, period and currency. */
  async sourceTotals(sourceId: string): Promise<FileTotal[]> {
    return sumTotals(
      await this.db(COST_FACTS_TABLE)
        .where('source_id', sourceId)
        .select(TOTAL_COLUMNS),
    );
  }

  async countFacts(sourceId?: string): Promise<number> {
    const query = this.db(COST_FACTS_TABLE).count({ count: '*' });
    if (sourceId) query.where('source_id', sourceId);
    const [{ count }] = await query;
    return Number(count);
  }

  /** Drops facts of days before `day` (YYYY-MM-DD); returns how many went. */
  async deleteFactsBefore(day: string): Promise<number> {
    return this.db.transaction(async trx => {
      const before = (q: Knex.QueryBuilder) => q.where('day', '<', day);
      await recordChangedMonths(trx, await monthsOfFacts(trx, before));
      const deleted = await before(trx(COST_FACTS_TABLE)).delete();
      if (deleted > 0) await bumpCostDataVersion(trx);
      return deleted;
    });
  }

  async insertIngestion(report: IngestionReport): Promise<void> {
    await this.db(INGESTIONS_TABLE).insert({
      id: report.id,
      source_id: report.sourceId,
      status: report.status,
      message: report.message,
      report_json: JSON.stringify(report),
      started_at: new Date(report.startedAt),
      finished_at: report.finishedAt ? new Date(report.finishedAt) : null,
    });
  }

  async updateIngestion(report: IngestionReport): Promise<void> {
    await this.db(INGESTIONS_TABLE)
      .where('id', report.id)
      .update({
        status: report.status,
        message: report.message,
        report_json: JSON.stringify(report),
        finished_at: report.finishedAt ? new Date(report.finishedAt) : null,
      });
  }

  async getIngestion(id: string): Promise<IngestionReport | undefined> {
    const row = await this.db(INGESTIONS_TABLE).where('id', id).first();
    return row ? JSON.parse(row.report_json) : undefined;
  }

  async listIngestions(options: {
    sourceId?: string;
    limit: number;
  }): Promise<IngestionReport[]> {
    const query = this.db(INGESTIONS_TABLE)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.sourceId) query.where('source_id', options.sourceId);
    return (await query).map(row => JSON.parse(row.report_json));
  }

  /**
   * Marks ingestions left `running` by a backend that stopped half-way as failed. Their
   * transactions never committed, so the previous data is intact. Only those started before
   * `startedBefore` count: a younger one may still be running on another replica.
   */
  async touchIngestion(id: string, at: Date): Promise<void> {
    await this.db(INGESTIONS_TABLE)
      .where({ id, status: 'running' })
      .update({ heartbeat_at: at });
  }

  async failInterruptedIngestions(
    now: Date,
    options: { silentSince: Date; exceptIds?: ReadonlySet<string> },
  ): Promise<number> {
    const rows = await this.db(INGESTIONS_TABLE)
      .where('status', 'running')
      .where(silent =>
        silent
          .where('heartbeat_at', '<', options.silentSince)
          .orWhere(never =>
            never
              .whereNull('heartbeat_at')
              .where('started_at', '<', options.silentSince),
          ),
      )
      .whereNotIn('id', [...(options.exceptIds ?? [])]);
    for (const row of rows) {
      const report: IngestionReport = JSON.parse(row.report_json);
      const lastSign = new Date(row.heartbeat_at ?? row.started_at);
      // Guarded by status: a run that finished meanwhile keeps its own result.
      await this.db(INGESTIONS_TABLE)
        .where({ id: report.id, status: 'running' })
        .update({
          status: 'failed',
          message: interruptedMessage(lastSign),
          report_json: JSON.stringify({
            ...report,
            status: 'failed',
            message: interruptedMessage(lastSign),
            finishedAt: now.toISOString(),
          }),
          finished_at: now,
        });
    }
    return rows.length;
  }

  async getSourceState(id: string): Promise<CostSourceState | undefined> {
    const row = await this.db(COST_SOURCES_TABLE).where('id', id).first();
    if (!row) return undefined;
    return {
      id: row.id,
      fileFingerprints: row.file_fingerprints
        ? JSON.parse(row.file_fingerprints)
        : {},
      columns: row.columns ? JSON.parse(row.columns) : null,
      lastIngestionId: row.last_ingestion_id,
      lastRunAt: toIso(row.last_run_at),
      lastStatus: row.last_status,
      lastMessage: row.last_message,
      schemaDrift: row.schema_drift ? JSON.parse(row.schema_drift) : null,
    };
  }

  async saveSourceState(state: CostSourceState): Promise<void> {
    const row = {
      id: state.id,
      file_fingerprints: JSON.stringify(state.fileFingerprints),
      columns: state.columns ? JSON.stringify(state.columns) : null,
      last_ingestion_id: state.lastIngestionId,
      last_run_at: state.lastRunAt ? new Date(state.lastRunAt) : null,
      last_status: state.lastStatus,
      last_message: state.lastMessage,
      schema_drift: state.schemaDrift
        ? JSON.stringify(state.schemaDrift)
        : null,
    };
    await this.db(COST_SOURCES_TABLE).insert(row).onConflict('id').merge();
  }

  /** Last charge day stored for a source, or null when it has no facts. */
  async dataThrough(sourceId: string): Promise<string | null> {
    const row = await this.db(COST_FACTS_TABLE)
      .where('source_id', sourceId)
      .max({ day: 'day' })
      .first();
    return row?.day ?? null;
  }
}

function toRow(
  fact: CostFact,
  sourceId: string,
  ingestionId: string,
  tags: string | null,
) {
  const row = {
    source_id: sourceId,
    ingestion_id: ingestionId,
    file_key: fact.fileKey,
    billing_period_start: fact.billingPeriodStart,
    day: fact.day,
    billing_account_id: fact.billingAccountId,
    sub_account_id: fact.subAccountId,
    provider_name: fact.providerName,
    publisher_name: fact.publisherName,
    host_provider_name: fact.hostProviderName,
    invoice_issuer_name: fact.invoiceIssuerName,
    service_name: fact.serviceName,
    service_category: fact.serviceCategory,
    region_id: fact.regionId,
    resource_id: fact.resourceId,
    resource_name: fact.resourceName,
    resource_type: fact.resourceType,
    charge_category: fact.chargeCategory,
    charge_class: fact.chargeClass,
    pricing_category: fact.pricingCategory,
    commitment_discount_id: fact.commitmentDiscountId,
    commitment_discount_status: fact.commitmentDiscountStatus,
    sku_id: fact.skuId,
    sku_price_details: fact.skuPriceDetails,
    tags,
    currency: fact.currency,
    billed_cost: plainAmount(fact.billedCost),
    effective_cost: plainAmount(fact.effectiveCost),
    // Unknown (null) stays unknown: it is not zero.
    list_cost: fact.listCost === null ? null : plainAmount(fact.listCost),
    contracted_cost:
      fact.contractedCost === null ? null : plainAmount(fact.contractedCost),
    consumed_quantity: plainAmount(fact.consumedQuantity),
    row_count: fact.rowCount,
  };
  return { ...row, allocation_key: allocationKeyOf(row) };
}

/** What an interrupted ingestion's report says; "interrupted" is the word users search for. */
function interruptedMessage(lastSign: Date): string {
  return (
    `Interrupted: this ingestion stopped before it finished, its backend stopped or lost ` +
    `the database (last sign of life ${lastSign.toISOString()}); the data of its billing ` +
    'periods was left as it was before'
  );
}
