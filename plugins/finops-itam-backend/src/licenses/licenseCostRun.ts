import {
  LicenseEntitlement,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { nextMonthStart } from '../shared/months';
import { digestRows } from '../database/outputDigests';
import { dailyRequirement, neededShares } from './dailyRequirement';
import {
  LicenseStore,
  LicenseDailyCostRow,
  LicenseCostRunWrite,
  StoredRequirementShare,
} from './LicenseStore';
import { addDays } from './days';
import { computeLicenseDailyCost, DayShares } from './licenseCost';
import { Consumption } from './licenseConsumption';
import { costsFromEntitlement } from './licensePayments';

/** State names of `finops_itam_license_cost_state`. */
const RULES = 'rules';
const UNTIL = 'until';
/** Per month, JSON of what its shares were computed from: facts fingerprint, last day, open basis. */
const monthState = (month: string) => `month:${month}`;
const ENTITLEMENTS_PREFIX = 'entitlements:';

export interface LicenseCostRunInput {
  store: Pick<
    LicenseStore,
    | 'factMonthFingerprints'
    | 'readCostState'
    | 'readShares'
    | 'productCost'
    | 'writeCostRun'
  >;
  /** Cost is computed up to this day, included. */
  today: string;
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  /** Digest of what counting depends on besides the facts (products, instance types, settings). */
  rulesDigest: string;
  /**
   * Digest of what only open months follow: the undated consumption (declarations, seats)
   * and the latest allocation run (a resource allocated to another entity from now on).
   */
  openBasis: string;
  /** Consumption of the days `from`–`to`: cost data of those days, declarations and seats. */
  consumptionsOf: (range: {
    from: string;
    to: string;
  }) => Promise<Consumption[]>;
}

export interface LicenseCostRunResult {
  /** Months whose daily shares were recomputed. */
  months: string[];
  /** Products whose cost rows were recomputed over their whole terms. */
  products: string[];
  /** Cost rows written (days recomputed to the same split are not rewritten). */
  costRows: number;
  costChanged: boolean;
}

const monthEnd = (month: string) => addDays(nextMonthStart(month), -1);

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (
    let month = from.slice(0, 7);
    month <= to.slice(0, 7);
    month = nextMonthStart(month).slice(0, 7)
  ) {
    months.push(month);
  }
  return months;
}

const costDigest = (rows: LicenseDailyCostRow[]) =>
  digestRows(
    rows.map(r => [
      r.entitlementId,
      r.entityRef,
      r.day,
      r.currency,
      r.amount,
      r.shelfware,
    ]),
  );

function toDayShares(rows: StoredRequirementShare[]): Map<string, DayShares> {
  const days = new Map<string, DayShares>();
  for (const row of rows) {
    const day = days.get(row.day) ?? {
      productRequired: row.productRequired,
      entities: [],
    };
    day.entities.push({ entityRef: row.entityRef, weight: row.weight });
    days.set(row.day, day);
  }
  return days;
}

/**
 * One run of the license cost task, incremental:
 *
 * - Daily shares (the requirement per product, day and entity) are recomputed for the months
 *   whose cost facts changed since the last run (a re-delivered billing period, retention,
 *   facts allocated since), for a month that gained days since, and for every month when
 *   the counting rules changed. Declarations and seats have no dates, and a new allocation
 *   moves resources from now on: a change of them recomputes the months still open at the
 *   last run (its last day's month and later).
 *   Every other day keeps its stored shares: a closed day does not move when consumption
 *   moves later.
 * - Daily cost is recomputed for those days, and over the whole terms of a product whose
 *   entitlements changed (added, edited or removed), each day split by that day's shares.
 */
export async function runLicenseCost(
  input: LicenseCostRunInput,
): Promise<LicenseCostRunResult> {
  const { store, today: until } = input;
  const [state, factMonths] = await Promise.all([
    store.readCostState(),
    store.factMonthFingerprints(),
  ]);
  const rulesChanged = state.get(RULES) !== input.rulesDigest;
  const lastUntil = state.get(UNTIL);
  const openFrom = lastUntil ? lastUntil.slice(0, 7) : '';
  const costed = input.entitlements.filter(costsFromEntitlement);

  // Months that can carry cost: months with facts, and the months of costed terms so far.
  const universe = new Set(
    [...factMonths.keys()].filter(m => m <= until.slice(0, 7)),
  );
  for (const e of costed) {
    if (e.termStart > until) continue;
    for (const m of monthsBetween(
      e.termStart,
      e.termEnd < until ? e.termEnd : until,
    ))
      universe.add(m);
  }
  const rangeOf = (month: string) => ({
    from: `${month}-01`,
    to: monthEnd(month) < until ? monthEnd(month) : until,
  });
  // What a month's shares were computed from: its facts, its days so far and, while it is
  // open, the declarations, seats and allocation.
  const basisOf = (month: string) => [
    factMonths.get(month) ?? 'none',
    rangeOf(month).to,
    input.openBasis,
  ];
  const stale = (month: string) => {
    const before = state.get(monthState(month));
    if (rulesChanged || !before) return true;
    const [facts, to, open] = JSON.parse(before);
    const now = basisOf(month);
    return (
      facts !== now[0] ||
      to !== now[1] ||
      (month >= openFrom && open !== now[2])
    );
  };
  const months = [...universe].filter(stale).sort();

  const write: LicenseCostRunWrite = {
    shares: [],
    cost: [],
    state: new Map(),
    costChanged: false,
  };
  const freshShares = new Map<string, Map<string, DayShares>>();
  const recomputed = new Set(months);
  for (const month of months) {
    const range = rangeOf(month);
    const daily = dailyRequirement({
      consumptions: await input.consumptionsOf(range),
      products: input.products,
      ...range,
    });
    const rows: StoredRequirementShare[] = neededShares(daily);
    write.shares.push({ ...range, rows });
    for (const productId of new Set(rows.map(r => r.productId))) {
      const days = freshShares.get(productId) ?? new Map();
      const ofMonth = toDayShares(rows.filter(r => r.productId === productId));
      freshShares.set(productId, new Map([...days, ...ofMonth]));
    }
    write.state.set(monthState(month), JSON.stringify(basisOf(month)));
  }

  // Entitlements per product, and which products' entitlements changed since the last run.
  const byProduct = new Map<string, LicenseEntitlement[]>();
  for (const e of input.entitlements)
    byProduct.set(e.productId, [...(byProduct.get(e.productId) ?? []), e]);
  const changedProducts = new Set<string>();
  const stored = [...state.keys()]
    .filter(n => n.startsWith(ENTITLEMENTS_PREFIX))
    .map(n => n.slice(ENTITLEMENTS_PREFIX.length));
  for (const productId of new Set([...byProduct.keys(), ...stored])) {
    const list = byProduct.get(productId) ?? [];
    const digest =
      list.length > 0 ? digestRows(list.map(e => [JSON.stringify(e)])) : '';
    if (state.get(ENTITLEMENTS_PREFIX + productId) !== digest)
      changedProducts.add(productId);
    write.state.set(ENTITLEMENTS_PREFIX + productId, digest);
  }

  let costRows = 0;
  for (const productId of new Set([...byProduct.keys(), ...changedProducts])) {
    const entitlements = byProduct.get(productId) ?? [];
    const terms = entitlements
      .filter(costsFromEntitlement)
      .filter(e => e.termStart <= until);
    const whole = changedProducts.has(productId);
    if (terms.length === 0) {
      if (whole) write.cost.push({ productId, rows: [] });
      write.costChanged ||= whole;
      continue;
    }
    const first = terms.map(e => e.termStart).sort()[0];
    const last = terms
      .map(e => (e.termEnd < until ? e.termEnd : until))
      .sort()
      .reverse()[0];
    const ranges = whole
      ? [{ from: first, to: last }]
      : months
          .map(m => ({
            from: `${m}-01` < first ? first : `${m}-01`,
            to: monthEnd(m) < last ? monthEnd(m) : last,
          }))
          .filter(r => r.from <= r.to);
    for (const range of ranges) {
      const storedDays = toDayShares(
        await store.readShares(productId, range.from, range.to),
      );
      const fresh = freshShares.get(productId);
      const rows = computeLicenseDailyCost(
        entitlements,
        (_, day) =>
          recomputed.has(day.slice(0, 7))
            ? fresh?.get(day)
            : storedDays.get(day),
        until,
        (_, day) => day >= range.from && day <= range.to,
      );
      const before = await store.productCost(
        productId,
        whole ? undefined : range,
      );
      // Days recomputed to the same split are left as they are.
      if (!whole && costDigest(before) === costDigest(rows)) continue;
      write.costChanged = true;
      write.cost.push({ productId, ...(whole ? {} : { range }), rows });
      costRows += rows.length;
    }
  }
  write.state.set(RULES, input.rulesDigest);
  write.state.set(UNTIL, until);
  await store.writeCostRun(write);
  return {
    months,
    products: [...changedProducts].sort(),
    costRows,
    costChanged: write.costChanged,
  };
}
