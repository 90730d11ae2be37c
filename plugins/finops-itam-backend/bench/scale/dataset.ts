/*
 * A PostgreSQL fact table at enterprise scale, built inside the database: the resources
 * (each with its allocation key, computed in Node as ingestion computes it) go into a
 * scratch table once, and the facts are `resources × generate_series(days)` written by
 * PostgreSQL itself, a month per statement, with the secondary indexes built afterwards.
 * Row-by-row inserts from Node (the query benchmark's way) would take hours at 20M facts.
 */
import { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import {
  AllocationKeyColumns,
  allocationKeyOf,
} from '../../src/database/allocationKey';
import {
  ALLOCATION_KEYS_TABLE,
  COST_FACTS_TABLE,
} from '../../src/database/tables';
import { addDays, componentName } from '../query/dataset';

export interface ScaleSize {
  components: number;
  /** Resources per component, each billed every day. */
  resources: number;
  days: number;
  /** First day, YYYY-MM-DD. */
  firstDay: string;
}

const SERVICES: Array<[string, string]> = [
  ['Amazon EC2', 'Compute'],
  ['Amazon S3', 'Storage'],
  ['Amazon RDS', 'Databases'],
  ['AWS Lambda', 'Compute'],
  ['Amazon CloudWatch', 'Management and Governance'],
];

const RESOURCES_TABLE = 'scale_resources';

/** Every billed resource (plus the untagged AWS Support line of the shared pool). */
type ResourceRow = AllocationKeyColumns & { ord: number; key: string };

function resources(size: ScaleSize): ResourceRow[] {
  const rows: ResourceRow[] = [];
  const row = (r: {
    sub_account_id: string;
    service: [string, string];
    resource_id: string | null;
    tags: string | null;
  }) => {
    const columns = {
      billing_account_id: 'billing-1',
      sub_account_id: r.sub_account_id,
      service_name: r.service[0],
      service_category: r.service[1],
      charge_category: 'Usage',
      resource_id: r.resource_id,
      resource_name: null,
      tags: r.tags,
      commitment_discount_status: null,
    };
    rows.push({ ord: rows.length, ...columns, key: allocationKeyOf(columns) });
  };
  for (let c = 0; c < size.components; c++) {
    const name = componentName(c);
    const tags = JSON.stringify({ application: name, environment: 'prod' });
    for (let k = 0; k < size.resources; k++) {
      row({
        sub_account_id: `acct-${(c % 8) + 1}`,
        service: SERVICES[(c + k) % SERVICES.length],
        resource_id: `arn:aws:bench:${name}-${k}`,
        tags,
      });
    }
  }
  row({
    sub_account_id: 'acct-1',
    service: ['AWS Support', 'Other'],
    resource_id: null,
    tags: null,
  });
  return rows;
}

/** The resources, in their own table of this database (kept: a delivery reuses it). */
export async function writeResources(
  knex: Knex,
  size: ScaleSize,
): Promise<number> {
  const rows = resources(size);
  await knex.raw(`DROP TABLE IF EXISTS ${RESOURCES_TABLE}`);
  await knex.raw(
    `CREATE TABLE ${RESOURCES_TABLE} (ord integer PRIMARY KEY, billing_account_id text, ` +
      'sub_account_id text, service_name text, service_category text, charge_category text, ' +
      'resource_id text, resource_name text, tags text, commitment_discount_status text, key text)',
  );
  for (let i = 0; i < rows.length; i += 2000) {
    await knex(RESOURCES_TABLE).insert(rows.slice(i, i + 2000));
  }
  return rows.length;
}

/**
 * The secondary indexes of the fact table, dropped (their definitions returned) so that a
 * bulk load writes the heap only; {@link createIndexes} builds them again, one sort each.
 */
export async function dropIndexes(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ? AND indexname NOT LIKE '%_pkey'`,
    [COST_FACTS_TABLE],
  );
  for (const row of rows) await knex.raw(`DROP INDEX "${row.indexname}"`);
  return rows.map((r: { indexdef: string }) => r.indexdef);
}

export async function createIndexes(
  knex: Knex,
  definitions: string[],
): Promise<void> {
  for (const definition of definitions) await knex.raw(definition);
}

/**
 * Facts of the resources for every day of `[from, to)`, day by day in resource order (the
 * order an ingestion stores them), one statement per calendar month; `allocatedAt` null
 * leaves them waiting for an allocation run. Returns the rows written per month.
 */
export async function insertFacts(
  knex: Knex,
  options: {
    from: string;
    to: string;
    allocatedAt: Date | null;
    ingestionId: string;
    log: (message: string) => void;
  },
): Promise<number> {
  let total = 0;
  for (let start = options.from; start < options.to; ) {
    const nextMonth = addDays(`${start.slice(0, 7)}-01`, 32).slice(0, 7);
    const end = [`${nextMonth}-01`, options.to].sort()[0];
    const began = performance.now();
    // Amounts: random decimals with 6 (billed) and 10 (effective) places, stored exactly.
    const result = await knex.raw(
      `INSERT INTO ${COST_FACTS_TABLE} (source_id, ingestion_id, file_key, billing_period_start, day, ` +
        'billing_account_id, sub_account_id, service_name, service_category, resource_id, resource_name, ' +
        'charge_category, tags, currency, billed_cost, effective_cost, list_cost, contracted_cost, ' +
        'consumed_quantity, row_count, allocation_key, allocated_at) ' +
        `SELECT 'bench', ?, 'scale.csv', to_char(d, 'YYYY-MM-01'), to_char(d, 'YYYY-MM-DD'), ` +
        'r.billing_account_id, r.sub_account_id, r.service_name, r.service_category, r.resource_id, ' +
        `r.resource_name, r.charge_category, r.tags, 'USD', round((random() * 100)::numeric, 6), ` +
        'round((random() * 100)::numeric, 10), 0, 0, 1, 1, r.key, ?::timestamptz ' +
        `FROM generate_series(?::date, ?::date - 1, interval '1 day') AS d CROSS JOIN ${RESOURCES_TABLE} r ` +
        'ORDER BY d, r.ord',
      [options.ingestionId, options.allocatedAt, start, end],
    );
    total += result.rowCount;
    options.log(
      `  ${start}..${end}: ${result.rowCount} facts in ${Math.round(
        performance.now() - began,
      )} ms`,
    );
    start = end;
  }
  return total;
}

/**
 * The keys of the resources, as an earlier allocation run left them registered (undecided:
 * the next run decides every one). Only for facts written already allocated.
 */
export async function registerKeys(knex: Knex): Promise<void> {
  await knex.raw(
    `INSERT INTO ${ALLOCATION_KEYS_TABLE} (key, ` +
      'billing_account_id, sub_account_id, service_name, ' +
      'service_category, charge_category, resource_id, resource_name, tags, commitment_discount_status) ' +
      'SELECT key, billing_account_id, sub_account_id, service_name, service_category, charge_category, ' +
      `resource_id, resource_name, tags, commitment_discount_status FROM ${RESOURCES_TABLE} ON CONFLICT (key) DO NOTHING`,
  );
}
