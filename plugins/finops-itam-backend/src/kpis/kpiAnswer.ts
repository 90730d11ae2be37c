import { SumMap, mainCurrency } from '../money';
import { text } from './focusValues';
import { KpiRow } from './KpiRow';
import { KpiOptions, KpiSet, kpiSet } from './kpiSet';

/** What the groups of a KPI answer are: provider name, billing account id or owner ref. */
export type KpiGroupBy = 'provider' | 'billingAccount' | 'owner';

/** The KPIs of one group; `key` null gathers the rows without one (e.g. unallocated). */
export interface KpiGroup extends KpiSet {
  key: string | null;
}

/** The KPIs of one currency, with its groups when grouping was asked for. */
export interface CurrencyKpis extends KpiSet {
  currency: string;
  groups?: KpiGroup[];
}

/**
 * The `GET /kpis` answer: the KPIs of the currency with the most cost at the top level, the
 * other currencies beside it, never added to it. `currency` is null when there are no rows.
 */
export interface KpiAnswer extends KpiSet {
  currency: string | null;
  groups?: KpiGroup[];
  otherCurrencies: CurrencyKpis[];
}

const GROUP_KEYS: Record<KpiGroupBy, (row: KpiRow) => string | null> = {
  provider: row => text(row.providerName),
  billingAccount: row => text(row.billingAccountId),
  owner: row => text(row.ownerRef),
};

/**
 * Every KPI per currency, and per group within each currency when `groupBy` is given.
 * The main currency is the one with the largest effective cost (see `mainCurrency`).
 */
export function kpiAnswer(
  rows: readonly KpiRow[],
  options: KpiOptions & { groupBy?: KpiGroupBy },
): KpiAnswer {
  const byCurrency = partition(rows, row => row.currency);
  const costs = new SumMap();
  for (const row of rows) costs.add(row.currency, row.effectiveCost);
  const { currency, others } = mainCurrency(costs.entries());
  const forCurrency = (code: string): CurrencyKpis => {
    const currencyRows = byCurrency.get(code) ?? [];
    const answer: CurrencyKpis = {
      currency: code,
      ...kpiSet(currencyRows, options),
    };
    if (options.groupBy) {
      answer.groups = kpiGroups(currencyRows, options.groupBy, options);
    }
    return answer;
  };
  const otherCurrencies = others.map(other => forCurrency(other.currency));
  if (currency === null) {
    const empty: KpiAnswer = {
      currency: null,
      ...kpiSet([], options),
      otherCurrencies,
    };
    if (options.groupBy) empty.groups = [];
    return empty;
  }
  return { ...forCurrency(currency), otherCurrencies };
}

/** Groups of one currency's rows, largest effective cost first, ties by key (null last). */
function kpiGroups(
  rows: readonly KpiRow[],
  groupBy: KpiGroupBy,
  options: KpiOptions,
): KpiGroup[] {
  const keyOf = GROUP_KEYS[groupBy];
  const groups = partition(rows, row => JSON.stringify(keyOf(row)));
  const costs = new SumMap();
  for (const row of rows) {
    costs.add(JSON.stringify(keyOf(row)), row.effectiveCost);
  }
  return costs
    .entries()
    .sort(
      ([keyA, a], [keyB, b]) =>
        b.abs().compare(a.abs()) || compareKeys(keyA, keyB),
    )
    .map(([key]) => ({
      key: JSON.parse(key) as string | null,
      ...kpiSet(groups.get(key)!, options),
    }));
}

/** JSON-encoded keys in code order, with the null key ("null") after every string. */
function compareKeys(a: string, b: string): number {
  if (a === 'null') return 1;
  if (b === 'null') return -1;
  return a < b ? -1 : 1;
}

function partition(
  rows: readonly KpiRow[],
  keyOf: (row: KpiRow) => string,
): Map<string, KpiRow[]> {
  const parts = new Map<string, KpiRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const part = parts.get(key);
    if (part) part.push(row);
    else parts.set(key, [row]);
  }
  return parts;
}
