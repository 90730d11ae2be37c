import { Knex } from 'knex';
import {
  BUDGETS_TABLE,
  BUDGET_ALERTS_SENT_TABLE,
  DbBudgetAlertsSentRow,
  DbBudgetsRow,
} from '../database/tables';
import { normalizeAmount } from '../money';
import { periodEnd } from './budgetPeriods';
import { Budget } from './budgetSchema';
import {
  BudgetOwnedElsewhereError,
  BudgetSource,
  BudgetStore,
  SentBudgetAlert,
  StoredBudget,
} from './BudgetStore';

/** Ids per `whereIn`: far below SQLite's bound-parameter limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(items.slice(i, i + CHUNK));
  }
  return out;
}

function toRow(budget: Budget, source: BudgetSource, now: Date): DbBudgetsRow {
  return {
    id: budget.id,
    entity_ref: budget.entityRef,
    period: budget.period,
    start: budget.start,
    amount: budget.amount,
    currency: budget.currency,
    scope: budget.scope,
    thresholds: JSON.stringify(budget.thresholds),
    source,
    updated_at: now,
  };
}

function fromRow(row: DbBudgetsRow): StoredBudget {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    period: row.period as Budget['period'],
    start: row.start,
    // As written (45000.00 stays so on both databases); a number only from odd drivers.
    amount:
      typeof row.amount === 'string' ? row.amount : normalizeAmount(row.amount),
    currency: row.currency,
    scope: row.scope as Budget['scope'],
    thresholds: JSON.parse(row.thresholds),
    source: row.source,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Budgets in `finops_itam_budgets`, sent alerts in `finops_itam_budget_alerts_sent`. */
export class DatabaseBudgetStore implements BudgetStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<StoredBudget[]> {
    const rows: DbBudgetsRow[] = await this.db(BUDGETS_TABLE).orderBy('id');
    return rows.map(fromRow);
  }

  async listContaining(
    day: string,
    entityRef?: string,
  ): Promise<StoredBudget[]> {
    // A period is at most a year: the start is within the year before `day`.
    const [year, rest] = [Number(day.slice(0, 4)), day.slice(4)];
    const earliest = `${String(year - 1).padStart(4, '0')}${rest}`;
    let query = this.db<DbBudgetsRow>(BUDGETS_TABLE)
      .where('start', '<=', day)
      .andWhere('start', '>=', earliest);
    if (entityRef) query = query.andWhere('entity_ref', entityRef);
    const rows: DbBudgetsRow[] = await query.orderBy('id');
    return rows
      .map(fromRow)
      .filter(budget => day < periodEnd(budget.period, budget.start));
  }

  async get(id: string): Promise<StoredBudget | undefined> {
    const row: DbBudgetsRow | undefined = await this.db(BUDGETS_TABLE)
      .where('id', id)
      .first();
    return row ? fromRow(row) : undefined;
  }

  async replaceSource(
    source: BudgetSource,
    budgets: readonly Budget[],
    now: Date,
  ): Promise<{ upserted: number; deleted: number }> {
    return this.db.transaction(async trx => {
      await this.refuseOthers(trx, source, budgets);
      const keep = new Set(budgets.map(b => b.id));
      const existing: Array<{ id: string }> = await trx(BUDGETS_TABLE)
        .where('source', source)
        .select('id');
      const gone = existing.map(r => r.id).filter(id => !keep.has(id));
      for (const ids of chunks(gone)) {
        await trx(BUDGETS_TABLE).whereIn('id', ids).delete();
      }
      await this.write(trx, source, budgets, now);
      return { upserted: budgets.length, deleted: gone.length };
    });
  }

  async upsert(
    source: BudgetSource,
    budgets: readonly Budget[],
    now: Date,
  ): Promise<number> {
    return this.db.transaction(async trx => {
      await this.refuseOthers(trx, source, budgets);
      await this.write(trx, source, budgets, now);
      return budgets.length;
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async trx => {
      // Explicitly, as SQLite enforces the foreign key's cascade only with the pragma on.
      await trx(BUDGET_ALERTS_SENT_TABLE).where('budget_id', id).delete();
      const deleted = await trx(BUDGETS_TABLE).where('id', id).delete();
      return deleted > 0;
    });
  }

  async sentAlerts(budgetIds: readonly string[]): Promise<SentBudgetAlert[]> {
    const out: SentBudgetAlert[] = [];
    for (const ids of chunks(budgetIds)) {
      const rows: DbBudgetAlertsSentRow[] = await this.db(
        BUDGET_ALERTS_SENT_TABLE,
      ).whereIn('budget_id', ids);
      out.push(
        ...rows.map(row => ({
          budgetId: row.budget_id,
          periodStart: row.period_start,
          threshold: row.threshold as SentBudgetAlert['threshold'],
        })),
      );
    }
    return out;
  }

  async recordSentAlert(alert: SentBudgetAlert, now: Date): Promise<void> {
    await this.db(BUDGET_ALERTS_SENT_TABLE)
      .insert({
        budget_id: alert.budgetId,
        period_start: alert.periodStart,
        threshold: alert.threshold,
        sent_at: now,
      })
      .onConflict(['budget_id', 'period_start', 'threshold'])
      .ignore();
  }

  /** Rejects when an id of `budgets` is a budget of another source. */
  private async refuseOthers(
    trx: Knex.Transaction,
    source: BudgetSource,
    budgets: readonly Budget[],
  ): Promise<void> {
    const owned: Array<{ id: string; source: string }> = [];
    for (const ids of chunks(budgets.map(b => b.id))) {
      owned.push(
        ...(await trx(BUDGETS_TABLE)
          .whereIn('id', ids)
          .whereNot('source', source)
          .select('id', 'source')),
      );
    }
    if (owned.length > 0) throw new BudgetOwnedElsewhereError(owned);
  }

  private async write(
    trx: Knex.Transaction,
    source: BudgetSource,
    budgets: readonly Budget[],
    now: Date,
  ): Promise<void> {
    for (const batch of chunks(budgets.map(b => toRow(b, source, now)))) {
      // 11 columns a row: 500 rows stay under PostgreSQL's and SQLite's parameter limits.
      for (let i = 0; i < batch.length; i += 50) {
        await trx(BUDGETS_TABLE)
          .insert(batch.slice(i, i + 50))
          .onConflict('id')
          .merge();
      }
    }
  }
}
