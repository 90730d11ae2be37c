import { Budget } from './budgetSchema';
import { BudgetThresholdKind } from './budgetAlerts';

/**
 * Where a budget came from: `config` (app-config), `api` (`PUT /budgets`) or the id of the
 * budget source whose file holds it. Only `api` budgets may be changed through the API.
 */
export type BudgetSource = string;

/** A budget as stored, with where it came from. */
export interface StoredBudget extends Budget {
  source: BudgetSource;
  updatedAt: string;
}

/** A budget threshold told to its owner: once per budget, period start and threshold. */
export interface SentBudgetAlert {
  budgetId: string;
  periodStart: string;
  threshold: BudgetThresholdKind;
}

/** Budgets and the alerts already sent about them. */
export interface BudgetStore {
  /** Every budget, by id. */
  list(): Promise<StoredBudget[]>;
  /** Budgets whose period contains `day` (`YYYY-MM-DD`), optionally of one entity. */
  listContaining(day: string, entityRef?: string): Promise<StoredBudget[]>;
  get(id: string): Promise<StoredBudget | undefined>;
  /**
   * Replaces every budget of `source` by `budgets`, in one transaction: budgets of the source
   * that are not in the list are deleted, the others inserted or updated.
   */
  replaceSource(
    source: BudgetSource,
    budgets: readonly Budget[],
    now: Date,
  ): Promise<{ upserted: number; deleted: number }>;
  /**
   * Inserts or updates `budgets` as `source`, in one transaction. Rejects, storing nothing,
   * when one of the ids belongs to a budget of another source (`BudgetOwnedElsewhereError`).
   */
  upsert(
    source: BudgetSource,
    budgets: readonly Budget[],
    now: Date,
  ): Promise<number>;
  /** Deletes a budget; false when there is none with that id. */
  delete(id: string): Promise<boolean>;
  /** The alerts already sent for these budgets. */
  sentAlerts(budgetIds: readonly string[]): Promise<SentBudgetAlert[]>;
  /** Records a sent alert; recording one twice is not an error. */
  recordSentAlert(alert: SentBudgetAlert, now: Date): Promise<void>;
}

/** An upsert named budgets that belong to another source. */
export class BudgetOwnedElsewhereError extends Error {
  constructor(readonly owned: Array<{ id: string; source: BudgetSource }>) {
    super(
      owned
        .map(
          b =>
            `budget ${b.id} comes from ${
              b.source === 'config' ? 'app-config' : `budget source ${b.source}`
            }`,
        )
        .join('; '),
    );
    this.name = 'BudgetOwnedElsewhereError';
  }
}
