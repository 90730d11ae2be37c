import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  BudgetStatusEntry,
  EntityBudgetResponse,
  EntityCostResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { addDays } from '../licenses/days';
import { ExactSum } from '../money';
import { EntityForecast } from '../forecasts/EntityForecastService';
import { AllInForecast } from '../forecasts';
import { FiscalCalendar, periodEnd, periodLastDay } from './budgetPeriods';
import { Budget, BudgetScope } from './budgetSchema';
import {
  budgetStatus,
  BudgetStatusResult,
  PeriodForecast,
} from './budgetStatus';
import { BudgetRejectedError } from './BudgetRejectedError';
import {
  BudgetOwnedElsewhereError,
  BudgetStore,
  StoredBudget,
} from './BudgetStore';
import { unbudgetedAmount } from './unbudgetedAmount';
import { validateBudgets } from './validateBudgets';

const SCOPE_ORDER: BudgetScope[] = ['all-in', 'cloud', 'licenses'];

export interface BudgetServiceOptions {
  store: BudgetStore;
  calendar: FiscalCalendar;
  /** Which of these lowercase refs the catalog knows. */
  knownEntityRefs(refs: readonly string[]): Promise<Set<string>>;
  /** The entity's cost answer over `[from, to)` on the amortized basis, by day. */
  entityCost(
    ref: CompoundEntityRef,
    period: { from: string; to: string },
  ): Promise<EntityCostResponse>;
  forecasts: {
    through(): Promise<string>;
    forecast(
      ref: CompoundEntityRef,
      options: { until?: string },
    ): Promise<EntityForecast>;
  };
  rollupMembersOf(entityRef: string): Promise<string[]>;
  now?: () => Date;
}

/** A budget's status, with what the routes and the alert run need of it. */
export interface EvaluatedBudget {
  budget: StoredBudget;
  /** Null when the status could not be computed (`entry.message` says why). */
  status: BudgetStatusResult | null;
  entry: BudgetStatusEntry;
}

const toApiBudget = (budget: StoredBudget) => ({
  id: budget.id,
  entityRef: budget.entityRef,
  period: budget.period,
  start: budget.start,
  amount: budget.amount,
  currency: budget.currency,
  scope: budget.scope,
  thresholds: budget.thresholds,
  source: budget.source,
});

/**
 * Budgets: upserts through the API (all or nothing, checked against the catalog and the
 * stored budgets), and each budget's status against its actual cost and forecast.
 */
export class BudgetService {
  constructor(private readonly options: BudgetServiceOptions) {}

  private today(): string {
    return (this.options.now?.() ?? new Date()).toISOString().slice(0, 10);
  }

  /**
   * Validates the records as one batch and stores them as `api` budgets; throws a
   * `BudgetRejectedError` listing every problem, storing nothing.
   */
  async upsert(records: readonly unknown[]): Promise<number> {
    const { store, calendar } = this.options;
    if (records.length === 0) {
      throw new BudgetRejectedError([
        {
          index: 0,
          id: null,
          field: 'budgets',
          reason: 'must be a non-empty list of budget records',
        },
      ]);
    }
    const existing = await store.list();
    const refs = records
      .map(r => (r as { entityRef?: unknown } | null)?.entityRef)
      .filter((r): r is string => typeof r === 'string')
      .map(lowercaseRef)
      .filter((r): r is string => r !== undefined);
    const knownEntityRefs = await this.options.knownEntityRefs([
      ...new Set(refs),
    ]);
    const result = validateBudgets(records, {
      calendar,
      existing,
      knownEntityRefs,
    });
    if (!result.ok) throw new BudgetRejectedError(result.problems);
    try {
      return await store.upsert(
        'api',
        result.budgets,
        this.options.now?.() ?? new Date(),
      );
    } catch (error) {
      if (error instanceof BudgetOwnedElsewhereError) {
        const index = new Map(result.budgets.map((b, i) => [b.id, i]));
        throw new BudgetRejectedError(
          error.owned.map(o => ({
            index: index.get(o.id) ?? 0,
            id: o.id,
            field: 'id',
            reason: `belongs to ${
              o.source === 'config' ? 'app-config' : `budget source ${o.source}`
            }; change it there`,
          })),
        );
      }
      throw error;
    }
  }

  /** Deletes an API budget; NotFoundError without one, InputError for a config or source budget. */
  async delete(id: string): Promise<void> {
    const budget = await this.options.store.get(id);
    if (!budget) throw new NotFoundError(`No budget ${id}`);
    if (budget.source !== 'api') {
      throw new InputError(
        `Budget ${id} comes from ${
          budget.source === 'config'
            ? 'app-config'
            : `budget source ${budget.source}`
        }; remove it there`,
      );
    }
    await this.options.store.delete(id);
  }

  /** Every budget whose period contains `day` (today by default), with its status. */
  async list(day?: string): Promise<EvaluatedBudget[]> {
    const budgets = await this.options.store.listContaining(
      day ?? this.today(),
    );
    const all = await this.options.store.list();
    const out: EvaluatedBudget[] = [];
    // One at a time: each reads the entity's cost and forecast, and the run may be large.
    for (const budget of budgets) out.push(await this.evaluate(budget, all));
    return out;
  }

  /**
   * The entity's budget for the period containing `day`, `scope`'s or all-in first; throws
   * NotFoundError for an entity the catalog does not have.
   */
  async entityBudget(
    entityRef: string,
    day: string | undefined,
    scope: BudgetScope | undefined,
  ): Promise<EntityBudgetResponse> {
    const on = day ?? this.today();
    if (!(await this.options.knownEntityRefs([entityRef])).has(entityRef)) {
      throw new NotFoundError(
        `No ${entityRef} in the catalog; check the kind, namespace and name`,
      );
    }
    const candidates = await this.options.store.listContaining(on, entityRef);
    const budget = candidates
      .filter(b => !scope || b.scope === scope)
      .sort(
        (a, b) => SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope),
      )[0];
    if (!budget) {
      return {
        entityRef,
        budget: null,
        periodStart: null,
        periodEnd: null,
        through: null,
        actual: null,
        forecast: null,
        variance: null,
        forecastVariance: null,
        status: null,
        otherCurrencies: [],
        unbudgeted: null,
        message: `${entityRef} has no ${
          scope ? `${scope} ` : ''
        }budget for a period containing ${on}`,
      };
    }
    const { entry } = await this.evaluate(
      budget,
      await this.options.store.list(),
    );
    return { entityRef, ...entry };
  }

  /** A budget's status: actual to the latest complete day, forecast to the period's end. */
  async evaluate(
    budget: StoredBudget,
    allBudgets: readonly StoredBudget[],
  ): Promise<EvaluatedBudget> {
    const ref = parseEntityRef(budget.entityRef);
    const lastDay = periodLastDay(budget.period, budget.start);
    const end = periodEnd(budget.period, budget.start);
    const base = {
      budget: toApiBudget(budget),
      periodStart: budget.start,
      periodEnd: end,
    };
    const unbudgeted = await this.unbudgeted(budget, allBudgets);
    try {
      const through = await this.options.forecasts.through();
      const actual = await this.actual(budget, ref, through);
      const periodOver = through >= lastDay;
      const forecast = periodOver
        ? undefined
        : periodForecast(
            budget,
            await this.options.forecasts.forecast(ref, { until: lastDay }),
            actual,
          );
      const status = budgetStatus({
        budget,
        actual: actual.amounts,
        through,
        forecast,
      });
      const entry: BudgetStatusEntry = status.comparable
        ? {
            ...base,
            through,
            actual: { amount: status.actual, currency: status.currency },
            forecast: status.forecast,
            variance: status.variance,
            forecastVariance: status.forecastVariance,
            status: status.status,
            otherCurrencies: [],
            unbudgeted,
            message: null,
          }
        : {
            ...base,
            through,
            actual: {
              amount: sumIn(actual.amounts, budget.currency),
              currency: budget.currency,
            },
            forecast: null,
            variance: null,
            forecastVariance: null,
            status: null,
            otherCurrencies: status.otherCurrencies,
            unbudgeted,
            message: status.message,
          };
      return { budget, status, entry };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return {
        budget,
        status: null,
        entry: {
          ...base,
          through: null,
          actual: null,
          forecast: null,
          variance: null,
          forecastVariance: null,
          status: null,
          otherCurrencies: [],
          unbudgeted,
          message: `No status: ${error.message}`,
        },
      };
    }
  }

  /** The budget's scope of the entity's cost from the period's start through `through`. */
  private async actual(
    budget: Budget,
    ref: CompoundEntityRef,
    through: string,
  ): Promise<{
    currency: string | null;
    amounts: Array<{ amount: string; currency: string }>;
  }> {
    const to = [
      addDays(through, 1),
      periodEnd(budget.period, budget.start),
    ].sort()[0];
    if (to <= budget.start) {
      // The period has not begun: nothing is spent yet, in the budget's currency.
      return { currency: budget.currency, amounts: [] };
    }
    const cost = await this.options.entityCost(ref, { from: budget.start, to });
    if (!cost.currency) return { currency: null, amounts: [] };
    return {
      currency: cost.currency,
      amounts: [
        { currency: cost.currency, amount: scopeAmount(budget.scope, cost) },
        // Cost in other currencies is reported whole: the answer only splits its main one.
        ...(cost.otherCurrencies ?? []).map(o => ({
          currency: o.currency,
          amount: o.total,
        })),
      ],
    };
  }

  /**
   * What the budget's child budgets leave unassigned: for a Group or System, the budgets of
   * the entities its cost rolls up, nearest ones only (a component's budget is inside its
   * system's, which counts for the group already).
   */
  private async unbudgeted(
    budget: StoredBudget,
    all: readonly StoredBudget[],
  ): Promise<{ amount: string; currency: string } | null> {
    if (budget.entityRef.startsWith('component:')) return null;
    const members = new Set(
      await this.options.rollupMembersOf(budget.entityRef),
    );
    members.delete(budget.entityRef);
    const children = all.filter(b => members.has(b.entityRef));
    const childRefs = [...new Set(children.map(b => b.entityRef))];
    const inner = new Set<string>();
    for (const ref of childRefs) {
      for (const member of await this.options.rollupMembersOf(ref)) {
        if (member !== ref) inner.add(member);
      }
    }
    const nearest = children.filter(b => !inner.has(b.entityRef));
    const result = unbudgetedAmount(budget, nearest);
    return { amount: result.unbudgeted, currency: result.currency };
  }
}

/** The part of a cost answer a budget scope covers. */
function scopeAmount(scope: BudgetScope, cost: EntityCostResponse): string {
  if (scope === 'licenses') return cost.licenses;
  if (scope === 'cloud') {
    return new ExactSum().add(cost.direct).add(cost.shared).toString();
  }
  return cost.total;
}

function sumIn(
  amounts: ReadonlyArray<{ amount: string; currency: string }>,
  currency: string,
): string {
  const sum = new ExactSum();
  for (const a of amounts) if (a.currency === currency) sum.add(a.amount);
  return sum.toString();
}

/**
 * The period's projected total for the budget's scope: the actual to date plus the scope's
 * forecast of the period's remaining days, with the band.
 */
function periodForecast(
  budget: Budget,
  forecast: EntityForecast,
  actual: {
    currency: string | null;
    amounts: Array<{ amount: string; currency: string }>;
  },
): PeriodForecast | undefined {
  if (forecast.currency === null) return undefined;
  const days = scopeDays(budget.scope, forecast);
  const last = periodLastDay(budget.period, budget.start);
  const base = sumIn(actual.amounts, forecast.currency);
  const expected = new ExactSum().add(base);
  const low = new ExactSum().add(base);
  const high = new ExactSum().add(base);
  for (const day of days) {
    if (day.day < budget.start || day.day > last) continue;
    expected.add(day.expected);
    low.add(day.low);
    high.add(day.high);
  }
  return {
    currency: forecast.currency,
    expected: expected.toString(),
    low: low.toString(),
    high: high.toString(),
  };
}

/** The forecast days of a budget scope: cloud, licenses only, or both. */
function scopeDays(
  scope: BudgetScope,
  forecast: EntityForecast,
): AllInForecast['days'] {
  if (scope === 'licenses') return forecast.licensesOnly.days;
  if (scope === 'cloud') {
    return forecast.cloud.days.map(d => ({ ...d, known: '0' }));
  }
  return forecast.allIn.days;
}

function lowercaseRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref.trim())).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}
