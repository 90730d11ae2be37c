import { nextMonthStart } from '../shared/months';
import { LicensedFactRow, readLicensedFacts } from './costDataLicenses';
import { addDays } from './days';
import { CostDataLicenseSettings } from './licenseConfig';
import {
  LicensedFactExtractWrite,
  LicensedFactStore,
} from './LicensedFactStore';

/** Raise it when the licensed facts read (`readLicensedFacts`) returns other fields: stored extracts are rebuilt. */
const FORMAT = 2;

/** What the stored extract was built from. */
interface ExtractState {
  /** Format and detection settings: when they change, everything is read again. */
  basis: string;
  /** The latest ingestion and allocation run when the extract was last brought up to date. */
  stamp: string;
  latestDay: string | null;
  /** First day of the window read. */
  windowFrom: string | null;
  /** Per month of the window, the fingerprint of its facts (count and highest id) when read. */
  months: Record<string, string>;
}

/**
 * Rows of a licensed-facts read with equal facts merged: one row per combination of
 * resource, SKU, price details, tags, owner and place, with every day it was billed in
 * `days` and the latest in `day`. A resource billed daily for 90 days becomes one row.
 */
export function compactLicensedFacts(
  rows: LicensedFactRow[],
): LicensedFactRow[] {
  const combos = new Map<string, LicensedFactRow & { days: string[] }>();
  for (const row of rows) {
    const { day, days, ...facts } = row;
    const key = JSON.stringify(facts);
    const combo = combos.get(key);
    if (combo) {
      combo.days.push(...(days ?? [day]));
      if (day > combo.day) combo.day = day;
    } else {
      combos.set(key, { ...facts, day, days: [...(days ?? [day])] });
    }
  }
  for (const combo of combos.values()) combo.days.sort();
  return [...combos.values()];
}

const monthEnd = (month: string) => addDays(nextMonthStart(month), -1);

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (
    let m = from.slice(0, 7);
    m <= to.slice(0, 7);
    m = nextMonthStart(m).slice(0, 7)
  )
    months.push(m);
  return months;
}

/**
 * The licensed cost facts of the window (`readLicensedFacts`), kept in the database in
 * compact form ({@link compactLicensedFacts}), per month: the read scans every cost row of
 * the window for product tags and SKU patterns, which takes seconds, while the extract is
 * a row per licensed resource and month. While `stamp` (the latest ingestion and allocation
 * run) is unchanged the extract is read back as it is; otherwise only the months whose facts
 * changed (count or highest id, `monthFingerprints`) are read again. Owners are read through
 * the facts' allocation keys, as `finops_itam_allocated_facts` does, so an allocation run
 * moves them without reading any month again.
 */
export async function readLicensedFactsCompact(
  store: LicensedFactStore,
  settings: CostDataLicenseSettings,
  stamp: string,
  monthFingerprints: () => Promise<Map<string, string>>,
): Promise<{ latestDay: string | null; rows: LicensedFactRow[] }> {
  const basis = JSON.stringify([FORMAT, settings]);
  const stored = await store.readExtractState();
  let state: ExtractState | undefined = stored ? JSON.parse(stored) : undefined;
  if (!state || state.basis !== basis || state.stamp !== stamp) {
    state = await refresh(
      store,
      settings,
      { basis, stamp },
      state?.basis === basis ? state : undefined,
      monthFingerprints,
    );
  }
  const { latestDay, windowFrom } = state;
  if (!latestDay || !windowFrom) return { latestDay: null, rows: [] };
  const rows: LicensedFactRow[] = [];
  for (const row of await store.readExtract(windowFrom.slice(0, 7))) {
    const days = row.days
      .split(',')
      .filter(day => day >= windowFrom && day <= latestDay);
    if (days.length === 0) continue;
    rows.push({
      ...JSON.parse(row.facts),
      entityRef: row.entityRef,
      allocationKey: row.allocationKey,
      day: days[days.length - 1],
      days,
    });
  }
  return { latestDay, rows };
}

/** Reads the months of the window whose facts changed since `previous` (all without it). */
async function refresh(
  store: LicensedFactStore,
  settings: CostDataLicenseSettings,
  next: { basis: string; stamp: string },
  previous: ExtractState | undefined,
  monthFingerprints: () => Promise<Map<string, string>>,
): Promise<ExtractState> {
  const latestDay = await store.latestFactDay();
  const windowFrom = latestDay
    ? addDays(latestDay, -(settings.windowDays - 1))
    : null;
  const fingerprints = latestDay
    ? await monthFingerprints()
    : new Map<string, string>();
  // Allocation marks facts allocated; the facts themselves are what the extract depends on.
  const factsOf = (month: string) =>
    (fingerprints.get(month) ?? 'none').split(':').slice(0, 2).join(':');
  const months =
    latestDay && windowFrom ? monthsBetween(windowFrom, latestDay) : [];
  const stale = months.filter(m => previous?.months[m] !== factsOf(m));
  const fresh: LicensedFactExtractWrite['rows'] = [];
  for (const month of stale) {
    const from = `${month}-01` < windowFrom! ? windowFrom! : `${month}-01`;
    const to = monthEnd(month) < latestDay! ? monthEnd(month) : latestDay!;
    const { rows } = await readLicensedFacts(store, settings, { from, to });
    for (const {
      day: _latest,
      days,
      entityRef: _owner,
      allocationKey,
      ...facts
    } of compactLicensedFacts(rows)) {
      fresh.push({
        month,
        allocationKey: allocationKey ?? null,
        facts: JSON.stringify(facts),
        days: (days ?? []).join(','),
      });
    }
  }
  const state: ExtractState = {
    ...next,
    latestDay,
    windowFrom,
    months: Object.fromEntries(months.map(m => [m, factsOf(m)])),
  };
  await store.writeExtract({
    replaceAll: !previous,
    staleMonths: stale,
    dropBefore: windowFrom ? windowFrom.slice(0, 7) : null,
    rows: fresh,
    state: JSON.stringify(state),
  });
  return state;
}
