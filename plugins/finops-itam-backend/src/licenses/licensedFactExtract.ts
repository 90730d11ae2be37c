import { Knex } from 'knex';
import { LicensedFactRow, readLicensedFacts } from './costDataLicenses';
import { CostDataLicenseSettings } from './licenseConfig';

const EXTRACT = 'finops_itam_license_fact_extract';
const STATE = 'finops_itam_license_cost_state';
const STATE_NAME = 'fact-extract';
/** Raise it when the licensed facts read (`readLicensedFacts`) returns other fields: stored extracts are rebuilt. */
const FORMAT = 1;

/** Keeps insert batches under SQLite's bound-parameter limit. */
const BATCH = 200;

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

/**
 * The licensed cost facts of the window (`readLicensedFacts`), kept in the database in
 * compact form ({@link compactLicensedFacts}): the read scans every cost row of the window
 * for product tags and SKU patterns, which takes seconds, while the extract is a row per
 * licensed resource. It is read back as long as `stamp` (what the facts depend on: the
 * ingestions and the latest allocation run) and the detection settings are unchanged, and
 * rebuilt otherwise.
 */
export async function readLicensedFactsCompact(
  db: Knex,
  settings: CostDataLicenseSettings,
  stamp: string,
): Promise<{ latestDay: string | null; rows: LicensedFactRow[] }> {
  const expected = JSON.stringify([FORMAT, stamp, settings]);
  const state = await db(STATE).where('name', STATE_NAME).first('value');
  if (state) {
    const { basis, latestDay } = JSON.parse(state.value);
    if (basis === expected) {
      const stored = await db(EXTRACT).select('facts', 'days').orderBy('id');
      return {
        latestDay,
        rows: stored.map(row => {
          const days: string[] = row.days.split(',');
          return { ...JSON.parse(row.facts), day: days[days.length - 1], days };
        }),
      };
    }
  }
  const facts = await readLicensedFacts(db, settings);
  const rows = compactLicensedFacts(facts.rows);
  await db.transaction(async tx => {
    await tx(EXTRACT).delete();
    const records = rows.map(({ day: _latest, days, ...rest }) => ({
      facts: JSON.stringify(rest),
      days: (days ?? []).join(','),
    }));
    for (let i = 0; i < records.length; i += BATCH) {
      await tx(EXTRACT).insert(records.slice(i, i + BATCH));
    }
    await tx(STATE)
      .insert({
        name: STATE_NAME,
        value: JSON.stringify({ basis: expected, latestDay: facts.latestDay }),
      })
      .onConflict('name')
      .merge();
  });
  return { latestDay: facts.latestDay, rows };
}
