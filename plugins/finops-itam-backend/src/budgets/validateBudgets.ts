import { z } from 'zod';
import {
  FiscalCalendar,
  CALENDAR_YEAR,
  periodEnd,
  periodLastDay,
  periodStartProblem,
} from './budgetPeriods';
import { Budget, budgetRecordSchema } from './budgetSchema';

/** One thing wrong with one record of a batch. */
export interface BudgetProblem {
  /** Position of the record in the batch. */
  index: number;
  /** The record's id when it has a usable one. */
  id: string | null;
  /** Dotted path of the field (`thresholds.forecastBelow`), or `(record)` for the whole record. */
  field: string;
  reason: string;
}

export type BudgetBatchResult =
  | { ok: true; budgets: Budget[] }
  | { ok: false; problems: BudgetProblem[] };

export interface BudgetBatchOptions {
  calendar?: FiscalCalendar;
  /**
   * Budgets already stored. A record with the same id replaces its stored budget; the others
   * still count for overlaps.
   */
  existing?: readonly Budget[];
  /** Lowercased refs of the catalog's entities; when given, a budget for any other is refused. */
  knownEntityRefs?: ReadonlySet<string>;
}

/**
 * Checks a batch of budget records as one: every problem of every record is listed, and
 * nothing is valid unless all of it is (one bad record rejects the request, issue 16).
 * Beyond each record's shape: the start must begin a period of the fiscal calendar, ids are
 * unique in the batch, the entity must exist when the catalog's refs are given, and two
 * budgets of one entity and scope may not cover the same day.
 */
export function validateBudgets(
  records: readonly unknown[],
  options: BudgetBatchOptions = {},
): BudgetBatchResult {
  const calendar = options.calendar ?? CALENDAR_YEAR;
  const problems: BudgetProblem[] = [];
  const valid: Array<{ index: number; budget: Budget }> = [];

  records.forEach((record, index) => {
    const id = idOf(record);
    const parsed = budgetRecordSchema.safeParse(record);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.flatMap(issue => toProblems(issue, index, id)),
      );
      return;
    }
    const budget = parsed.data;
    const startProblem = periodStartProblem(
      budget.period,
      budget.start,
      calendar,
    );
    if (startProblem) {
      problems.push({ index, id, field: 'start', reason: startProblem });
    }
    if (
      options.knownEntityRefs &&
      !options.knownEntityRefs.has(budget.entityRef)
    ) {
      problems.push({
        index,
        id,
        field: 'entityRef',
        reason: `${budget.entityRef} is not in the catalog`,
      });
    }
    if (!startProblem) valid.push({ index, budget });
  });

  problems.push(
    ...duplicateIds(records),
    ...overlaps(valid, options.existing ?? []),
  );
  if (problems.length > 0) {
    return {
      ok: false,
      problems: problems.sort(
        (a, b) => a.index - b.index || a.field.localeCompare(b.field),
      ),
    };
  }
  return { ok: true, budgets: valid.map(entry => entry.budget) };
}

function idOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

function toProblems(
  issue: z.ZodIssue,
  index: number,
  id: string | null,
): BudgetProblem[] {
  const field = issue.path.join('.') || '(record)';
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    return issue.keys.map(key => ({
      index,
      id,
      field: [...issue.path, key].join('.'),
      reason: 'is not a budget field',
    }));
  }
  if (
    issue.code === z.ZodIssueCode.invalid_type &&
    issue.received === 'undefined'
  ) {
    return [{ index, id, field, reason: 'is required' }];
  }
  if (issue.code === z.ZodIssueCode.invalid_type && field === '(record)') {
    return [{ index, id, field, reason: 'must be an object' }];
  }
  return [{ index, id, field, reason: issue.message }];
}

function duplicateIds(records: readonly unknown[]): BudgetProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: BudgetProblem[] = [];
  records.forEach((record, index) => {
    const id = idOf(record);
    if (id === null) return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
    } else {
      problems.push({
        index,
        id,
        field: 'id',
        reason: `is also the id of record ${first}; ids are unique`,
      });
    }
  });
  return problems;
}

/** Two budgets of one entity and scope covering a common day. */
function overlaps(
  batch: ReadonlyArray<{ index: number; budget: Budget }>,
  existing: readonly Budget[],
): BudgetProblem[] {
  const replaced = new Set(batch.map(entry => entry.budget.id));
  const stored = existing.filter(budget => !replaced.has(budget.id));
  const problems: BudgetProblem[] = [];
  batch.forEach(({ index, budget }, position) => {
    const others = [
      ...batch.slice(0, position).map(entry => entry.budget),
      ...stored,
    ];
    const clash = others.find(
      other =>
        other.id !== budget.id &&
        other.entityRef === budget.entityRef &&
        other.scope === budget.scope &&
        budget.start < periodEnd(other.period, other.start) &&
        other.start < periodEnd(budget.period, budget.start),
    );
    if (clash) {
      problems.push({
        index,
        id: budget.id,
        field: 'start',
        reason: `overlaps budget ${clash.id} (${clash.start} to ${periodLastDay(
          clash.period,
          clash.start,
        )}) of the same entity and scope`,
      });
    }
  });
  return problems;
}
