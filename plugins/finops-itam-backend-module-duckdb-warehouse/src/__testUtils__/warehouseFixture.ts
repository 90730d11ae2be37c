import { DuckDBInstance } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quoteLiteral } from '../sql';

/** Amounts as integers of 10^-16, so expected sums are exact without any decimal library. */
export function scaled(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = amount.replace(/^[-+]/, '').split('.');
  const value =
    BigInt(whole || '0') * 10n ** 16n +
    BigInt(fraction.padEnd(16, '0').slice(0, 16) || '0');
  return negative ? -value : value;
}

export interface Charge {
  account: string;
  service: string;
  resource: string;
  /** ISO instants, UTC. */
  start: string;
  end: string;
  billed: string;
  listCost: string | null;
  frequency: string;
  tags: string;
}

const HEADER = [
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ChargeFrequency',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ServiceName',
  'ServiceCategory',
  'InvoiceIssuerName',
  'ProviderName',
  'ResourceId',
  'Tags',
  'x_Operation',
];

const monthStart = (iso: string) => `${iso.slice(0, 7)}-01T00:00:00Z`;
function nextMonthStart(iso: string): string {
  const d = new Date(monthStart(iso));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().replace('.000Z', 'Z');
}

/**
 * Hourly charges of two accounts and two services from 2026-10-30 to 2026-11-02 (two
 * billing months), amounts with 16 decimals; plus a monthly support fee covering October
 * (kept with its period, spread by the plugin) and one hour whose ListCost is unknown.
 */
export function hourlyCharges(): Charge[] {
  const charges: Charge[] = [];
  let n = 0;
  for (let hour = 0; hour < 4 * 24; hour++) {
    const start = new Date(Date.UTC(2026, 9, 30, hour));
    const end = new Date(start.getTime() + 3_600_000);
    for (const account of ['111111111111', '222222222222']) {
      for (const service of ['Amazon EC2', 'Amazon S3']) {
        n += 1;
        const billed = `${n % 7}.${String(n * 7919).padStart(16, '0')}`;
        charges.push({
          account,
          service,
          resource: `${
            service === 'Amazon S3' ? 'bucket' : 'i'
          }-${account.slice(0, 3)}`,
          start: start.toISOString().replace('.000Z', 'Z'),
          end: end.toISOString().replace('.000Z', 'Z'),
          billed,
          listCost: n === 5 ? null : billed,
          frequency: 'Usage-Based',
          tags: `{"team":"${
            account === '111111111111' ? 'checkout' : 'search'
          }"}`,
        });
      }
    }
  }
  charges.push({
    account: '111111111111',
    service: 'AWS Support',
    resource: '',
    start: '2026-10-01T00:00:00Z',
    end: '2026-11-01T00:00:00Z',
    billed: '100.0000000000000031',
    listCost: '100.0000000000000031',
    frequency: 'Recurring',
    tags: '{}',
  });
  return charges;
}

function csvLine(c: Charge, index: number): string {
  const cells = [
    c.account,
    'USD',
    monthStart(c.start),
    nextMonthStart(c.start),
    c.start,
    c.end,
    'Usage',
    '',
    c.frequency,
    c.billed,
    c.billed,
    c.listCost ?? '',
    c.billed,
    c.service,
    'Compute',
    'Amazon Web Services',
    'Amazon Web Services',
    c.resource,
    c.tags,
    // A column the plugin does not read, different on every row: the daily query drops it.
    `op-${index}`,
  ];
  return cells
    .map(cell => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(',');
}

export function chargesCsv(charges: Charge[]): string {
  return `${[HEADER.join(','), ...charges.map(csvLine)].join('\n')}\n`;
}

/**
 * Writes the charges as the three shapes a warehouse may hold them in: CSV text, a Parquet
 * file and a DuckDB database with a typed `billing.focus` table (DECIMAL(38,16) amounts,
 * TIMESTAMPTZ periods, a MAP of tags).
 */
export async function writeWarehouse(dir: string, charges: Charge[]) {
  const csv = path.join(dir, 'charges.csv');
  const parquet = path.join(dir, 'charges.parquet');
  const database = path.join(dir, 'warehouse.duckdb');
  await writeFile(csv, chargesCsv(charges));
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run('CREATE SCHEMA billing');
    await connection.run(`CREATE TABLE billing.focus AS
      SELECT * REPLACE (
        CAST(BilledCost AS DECIMAL(38,16)) AS BilledCost,
        CAST(EffectiveCost AS DECIMAL(38,16)) AS EffectiveCost,
        CAST(ListCost AS DECIMAL(38,16)) AS ListCost,
        CAST(ContractedCost AS DECIMAL(38,16)) AS ContractedCost,
        CAST(BillingPeriodStart AS TIMESTAMPTZ) AS BillingPeriodStart,
        CAST(BillingPeriodEnd AS TIMESTAMPTZ) AS BillingPeriodEnd,
        CAST(ChargePeriodStart AS TIMESTAMPTZ) AS ChargePeriodStart,
        CAST(ChargePeriodEnd AS TIMESTAMPTZ) AS ChargePeriodEnd,
        CAST(json_transform(Tags, '"MAP(VARCHAR, VARCHAR)"') AS MAP(VARCHAR, VARCHAR)) AS Tags
      )
      FROM read_csv(${quoteLiteral(csv)}, header = true, all_varchar = true)`);
    await connection.run(
      `COPY billing.focus TO ${quoteLiteral(parquet)} (FORMAT PARQUET)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { csv, parquet, database };
}

/** Runs a query on a throwaway DuckDB and answers its rows with values as JSON text. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
