/*
 * One benchmark measurement in a fresh process, so peak RSS belongs to this scenario alone.
 * Usage: node --require @backstage/cli/config/nodeTransform.cjs runOnce.ts <mode> <file>
 *          [--dir <folder>] [--pg-database <name>] [--rss]
 *   mode: duckdb-only | duckdb-exact | sqlite | postgres
 *   --dir: where the SQLite database file goes (default: a new folder in the OS temp folder)
 *   --pg-database: the PostgreSQL database to (re)create and drop after (default
 *     finops_itam_bench)
 *   --rss: print to stderr the process's RSS course (sampled every 100 ms) and its RSS after
 *     each DuckDB statement
 * Prints one JSON line: { mode, file, wallMs, maxRssMb, rows, facts, status, phases, ... }.
 * `maxRssMb` is the kernel's peak resident set of the whole process, DuckDB's native memory
 * included. `phases` is where an end-to-end run spent its time: milliseconds per kind of
 * DuckDB and plugin-database statement (measured around each call), so a change shows which
 * part it moved.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import knexFactory, { Knex } from 'knex';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseCostStore } from '../src/database/DatabaseCostStore';
import { FocusFileReader } from '../src/ingestion/FocusFileReader';
import { IngestionService } from '../src/ingestion/IngestionService';

const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/** The value after `--name` on the command line, if any. */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const PG_DATABASE = option('pg-database') ?? 'finops_itam_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(PG_DATABASE)) {
  throw new Error(
    `--pg-database must be a plain lower-case name, got ${PG_DATABASE}`,
  );
}

const AMOUNTS = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ConsumedQuantity',
];

/** Milliseconds spent per phase name, summed over calls. */
const phases: Record<string, number> = {};
const addPhase = (name: string, ms: number) => {
  phases[name] = Math.round((phases[name] ?? 0) + ms);
};

/** A short, stable name for a statement: its first words, without literals. */
function statementName(prefix: string, sql: string): string {
  // Only the start: an INSERT's text can be megabytes, and timing must not cost more than it measures.
  const words = sql
    .slice(0, 200)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'[^']*'/g, "'…'")
    .split(' ')
    .slice(0, 4)
    .join(' ');
  return `${prefix} ${words}`;
}

/** Times every DuckDB statement the reader runs (bench only: patches this process's class). */
function timeDuckDbStatements() {
  const proto = DuckDBConnection.prototype as any;
  for (const method of ['run', 'runAndReadAll', 'stream']) {
    const original = proto[method];
    proto[method] = async function timed(
      this: unknown,
      sql: string,
      ...rest: unknown[]
    ) {
      const started = performance.now();
      try {
        return await original.call(this, sql, ...rest);
      } finally {
        addPhase(statementName('duckdb', sql), performance.now() - started);
        if (process.argv.includes('--rss')) {
          process.stderr.write(
            `RSS ${Math.round(
              process.memoryUsage().rss / 2 ** 20,
            )} MB after ${statementName('duckdb', sql)}\n`,
          );
        }
      }
    };
  }
}

/** Times every statement sent to the plugin database, by its first words. */
function timeKnexStatements(knex: Knex) {
  const started = new Map<string, { at: number; sql: string }>();
  knex.on('query', query => {
    started.set(query.__knexQueryUid, {
      at: performance.now(),
      sql: query.sql,
    });
  });
  const done = (_: unknown, query: any) => {
    const start = started.get(query.__knexQueryUid);
    if (!start) return;
    started.delete(query.__knexQueryUid);
    addPhase(statementName('db', start.sql), performance.now() - start.at);
  };
  knex.on('query-response', done);
  knex.on('query-error', done);
}

/**
 * DuckDB alone: the daily resource-level aggregation our ingestion does, without
 * validation or storage. `duckdb-only` lets DuckDB sniff column types (amounts become
 * DOUBLE, which is not exact); `duckdb-exact` reads amounts as DECIMAL(38,16), the type the
 * ingestion needs, so it is the fair baseline.
 */
async function duckDbOnly(file: string, exact: boolean) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const types = exact
    ? `, types = {${AMOUNTS.map(a => `'${a}': 'DECIMAL(38,16)'`).join(', ')}}`
    : '';
  const source = file.endsWith('.parquet')
    ? `read_parquet('${file}')`
    : `read_csv('${file}', header = true${types})`;
  // Materialised, so DuckDB really computes every sum: wrapped in a COUNT(*) it would drop them.
  await connection.run(`
    CREATE TEMP TABLE aggregated AS
      SELECT CAST(ChargePeriodStart AS DATE) AS day, CAST(BillingPeriodStart AS DATE) AS period,
        BillingAccountId, SubAccountId, ProviderName, PublisherName, InvoiceIssuerName,
        ServiceName, ServiceCategory, RegionId, ResourceId, ResourceName, ResourceType,
        ChargeCategory, ChargeClass, PricingCategory, CommitmentDiscountId,
        CommitmentDiscountStatus, SkuId, SkuPriceDetails, Tags, BillingCurrency,
        ${AMOUNTS.map(a => `SUM(CAST(${a} AS DECIMAL(38,16)))`).join(', ')},
        COUNT(*) AS rows
      FROM ${source} GROUP BY ALL`);
  const result = await connection.runAndReadAll(
    'SELECT COUNT(*) AS facts, SUM(rows) AS rows FROM aggregated',
  );
  const [row] = result.getRowObjectsJson();
  connection.closeSync();
  instance.closeSync();
  return {
    rows: Number(row.rows),
    facts: Number(row.facts),
    status: 'aggregated',
  };
}

/** Errors and warnings to stderr; stdout carries the JSON result only. */
const stderrLogger: LoggerService = {
  error: message => process.stderr.write(`error: ${message}\n`),
  warn: message => process.stderr.write(`warn: ${message}\n`),
  info: () => {},
  debug: () => {},
  child: () => stderrLogger,
};

async function openDatabase(mode: string, workDir: string): Promise<Knex> {
  if (mode === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(workDir, 'bench.sqlite') },
      useNullAsDefault: true,
    });
  }
  const admin = knexFactory({ client: 'pg', connection: POSTGRES_URL });
  await admin.raw(`DROP DATABASE IF EXISTS ${PG_DATABASE}`);
  await admin.raw(`CREATE DATABASE ${PG_DATABASE}`);
  await admin.destroy();
  return knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/${PG_DATABASE}`,
  });
}

/** Drops the run's PostgreSQL database: a 10M-row run leaves gigabytes otherwise. */
async function dropDatabase(mode: string) {
  if (mode !== 'postgres') return;
  const admin = knexFactory({ client: 'pg', connection: POSTGRES_URL });
  await admin.raw(`DROP DATABASE IF EXISTS ${PG_DATABASE}`);
  await admin.destroy();
}

/**
 * Samples the process's RSS every 100 ms: the kernel's peak says how high, the course says
 * when (a peak that grows with the rows shows up as a climb during one phase). The peaks of
 * V8's heap (used and reserved) and of Node's buffers outside it tell Node's share from the
 * native rest (DuckDB, the drivers).
 */
function sampleRss() {
  const started = performance.now();
  const course: [number, number][] = [];
  const peak = { heapUsed: 0, heapTotal: 0, external: 0 };
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
    peak.heapTotal = Math.max(peak.heapTotal, heapTotal);
    peak.external = Math.max(peak.external, external);
    course.push([
      Math.round(performance.now() - started),
      Math.round(rss / 2 ** 20),
    ]);
  }, 100);
  timer.unref();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return () => {
    clearInterval(timer);
    return {
      course,
      peakHeapMb: mb(peak.heapUsed),
      peakHeapReservedMb: mb(peak.heapTotal),
      peakExternalMb: mb(peak.external),
    };
  };
}

/** The RSS course thinned to about one point per second, for a reader. */
function thinned(course: [number, number][]): string {
  return course
    .filter((_, i) => i % 10 === 0 || i === course.length - 1)
    .map(([ms, mb]) => `${(ms / 1000).toFixed(1)}s ${mb}MB`)
    .join(', ');
}

async function endToEnd(mode: string, file: string) {
  const workDir = await mkdtemp(
    path.join(option('dir') ?? os.tmpdir(), 'finops-itam-bench-'),
  );
  const knex = await openDatabase(mode, workDir);
  timeDuckDbStatements();
  timeKnexStatements(knex);
  try {
    const store = await DatabaseCostStore.create({
      database: { getClient: async () => knex },
    });
    // The migrations are not part of the ingestion.
    for (const name of Object.keys(phases)) delete phases[name];
    const service = new IngestionService(
      store,
      new FocusFileReader(),
      stderrLogger,
      {
        maxRejectedShare: 0.01,
      },
    );
    const report = await service.ingest({
      sourceId: 'bench',
      files: [{ path: file, key: path.basename(file) }],
    });
    return {
      rows: report.rows.read,
      facts: await store.countFacts('bench'),
      status: report.status,
      message: report.message,
      readMs: report.timings.readMs,
      storeMs: report.timings.storeMs,
      reconciled: report.totals.every(t => t.reconciled),
      phases,
    };
  } finally {
    await knex.destroy();
    await dropDatabase(mode);
    await rm(workDir, { recursive: true, force: true });
  }
}

async function main() {
  const [mode, file] = process.argv.slice(2);
  const stopSampling = sampleRss();
  const started = Date.now();
  const outcome = mode.startsWith('duckdb')
    ? await duckDbOnly(file, mode === 'duckdb-exact')
    : await endToEnd(mode, file);
  const wallMs = Date.now() - started;
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const { course, ...memory } = stopSampling();
  if (process.argv.includes('--rss')) {
    process.stderr.write(`RSS course of ${mode}: ${thinned(course)}\n`);
  }
  process.stdout.write(
    `${JSON.stringify({
      mode,
      file,
      wallMs,
      maxRssMb,
      ...memory,
      ...outcome,
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
