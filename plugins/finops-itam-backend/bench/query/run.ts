/*
 * Query benchmark: `GET /entities/component/default/<name>/cost` under concurrent load, on
 * SQLite (a temp file) and PostgreSQL (database finops_itam_bench_query, dropped and
 * recreated), over generated facts allocated by the real AllocationService.
 *
 *   yarn bench:query [--components 5000] [--days 400] [--facts-per-day 1]
 *     [--requests 5000] [--warmup 1000] [--concurrency 50] [--db sqlite,postgres]
 *     [--check-every 1] [--answer-cache-mb 256] [--modes computed,cached,viewed]
 *     [--kpi-requests 50] [--floor true] [--pg-database finops_itam_bench_query]
 *
 * Each window is loaded in three modes, each with a new CostQueryService: `computed` (answer
 * cache off: every answer read and summed), `cached` (the answer cache, empty at the start
 * of the warm-up, random components: hits and misses mixed) and `viewed` (the answer
 * cache after every component was requested once, as after a day of portal use).
 *
 * After each window's modes, the floor (floor.ts) is loaded in the same run with the same
 * client, sending one real answer's bytes of that window from a bare Express route, so the
 * cached answers' p95 can be compared with it (issue 19: ≤ 1.2× the floor); `--floor false`
 * skips it.
 *
 * Then `GET /kpis` for the last 365 days (see kpis.ts): `--kpi-requests` sequential requests
 * per grouping, after reservation facts are added and the KPI rollup is built; 0 skips it,
 * and `--modes none` skips the entity cost windows.
 *
 * Not a test: no Jest pattern matches this folder. Prints Markdown tables.
 */
import knexFactory, { Knex } from 'knex';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CostQueryService } from '../../src/allocation/CostQueryService';
import { migrationConfig } from '../../src/database/migrations';
// eslint-disable-next-line no-restricted-imports
import { SeededRandom } from '../../src/__testUtils__/SeededRandom';
import {
  DatasetSize,
  addDays,
  componentName,
  generateCatalog,
  insertGeneratedFacts,
} from './dataset';
import { FloorWindow, measureFloor } from './floor';
import { loadFromOtherProcess } from './forkLoad';
import { benchAllocation } from './benchAllocation';
import { InMemoryCatalog, benchAuth, serveEntityCost } from './harness';
import { KpiOutcome, benchKpis } from './kpis';
import type { LoadResult } from './load';

const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
/** Another name lets two runs share one PostgreSQL server without dropping each other's data. */
const PG_DATABASE = arg('--pg-database', 'finops_itam_bench_query');
const SIZE: DatasetSize = {
  components: Number(arg('--components', '5000')),
  systems: 100,
  groups: 40,
  days: Number(arg('--days', '400')),
  factsPerComponentDay: Number(arg('--facts-per-day', '1')),
  firstDay: '2025-10-01',
};
const REQUESTS = Number(arg('--requests', '5000'));
// A long warm-up: a cold server (JIT, page cache) inflated the tail of the first windows.
const WARMUP = Number(arg('--warmup', '1000'));
const CONCURRENCY = Number(arg('--concurrency', '50'));
/** The client parses and checks one 2xx answer in this many (default all); non-2xx answers are counted. */
const CHECK_EVERY = Number(arg('--check-every', '1'));
const DATABASES = arg('--db', 'sqlite,postgres').split(',');
/** Large enough for every 365-day answer of 5,000 components (~36 KB each). */
const ANSWER_CACHE_MB = Number(arg('--answer-cache-mb', '256'));
type Mode = 'computed' | 'cached' | 'viewed';
const MODES = arg('--modes', 'computed,cached,viewed')
  .split(',')
  .filter(mode => ['computed', 'cached', 'viewed'].includes(mode)) as Mode[];
const KPI_REQUESTS = Number(arg('--kpi-requests', '50'));
const KPI_TARGET_MS = 200;
const FLOOR = arg('--floor', 'true') !== 'false';
/** Issue 19 target 4: cached p95 within this factor of the floor's p95, same run. */
const FLOOR_FACTOR_TARGET = 1.2;
/** Issue 19 target 4: computed answers' server CPU per answer, by window. */
const COMPUTED_CPU_TARGET_MS: Record<number, number> = { 30: 1, 365: 2 };
const TARGET_P95_MS = 30;

const log = (message: string) => process.stderr.write(`${message}\n`);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function openDatabase(
  kind: string,
  workDir: string,
): Promise<{ knex: Knex; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(workDir, 'bench.sqlite') },
      useNullAsDefault: true,
    });
    return { knex, cleanup: () => knex.destroy() };
  }
  const admin = knexFactory({ client: 'pg', connection: POSTGRES_URL });
  await admin.raw(`DROP DATABASE IF EXISTS ${PG_DATABASE}`);
  await admin.raw(`CREATE DATABASE ${PG_DATABASE}`);
  await admin.destroy();
  // Backstage's default pool for a plugin database is min 0, max 10 connections.
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/${PG_DATABASE}`,
    pool: { min: 0, max: 10 },
  });
  // The scratch database is dropped afterwards, as the allocation benchmark does.
  const cleanup = async () => {
    await knex.destroy();
    const dropper = knexFactory({ client: 'pg', connection: POSTGRES_URL });
    await dropper.raw(`DROP DATABASE IF EXISTS ${PG_DATABASE}`);
    await dropper.destroy();
  };
  return { knex, cleanup };
}

interface Outcome {
  db: string;
  facts: number;
  migrateMs: number;
  insertMs: number;
  allocateMs: number;
  allocation: string;
  /**
   * `loadAverage`: the machine's 1-minute load average when the window's load started.
   * `serverCpuMs`: CPU time (user + system) of this process, which serves the requests, per
   * request during the window; on SQLite that includes the database, on PostgreSQL not.
   */
  windows: Array<{
    days: number;
    mode: Mode;
    result: LoadResult;
    loadAverage: number;
    serverCpuMs: number;
  }>;
  floors: FloorWindow[];
  kpis?: KpiOutcome;
}

async function benchDatabase(kind: string): Promise<Outcome> {
  const workDir = await mkdtemp(
    path.join(os.tmpdir(), 'finops-itam-bench-query-'),
  );
  const { knex, cleanup } = await openDatabase(kind, workDir);
  try {
    const [, migrateMs] = await timed(() =>
      knex.migrate.latest(migrationConfig),
    );
    log(
      `[${kind}] inserting ${SIZE.components} components x ${SIZE.days} days x ${SIZE.factsPerComponentDay} facts`,
    );
    const [facts, insertMs] = await timed(() =>
      insertGeneratedFacts(knex, SIZE),
    );
    if (kind === 'postgres') await knex.raw('ANALYZE');
    log(`[${kind}] ${facts} facts in ${Math.round(insertMs)} ms; allocating`);

    const catalog = new InMemoryCatalog(generateCatalog(SIZE));
    const { store, allocation } = benchAllocation(knex, catalog);
    const [run, allocateMs] = await timed(() => allocation.run());
    if (run.status !== 'succeeded') throw new Error(run.message);
    // Fresh statistics after the allocation columns were filled, as autovacuum would do.
    if (kind === 'postgres') await knex.raw('ANALYZE');
    log(`[${kind}] ${run.message} in ${Math.round(allocateMs)} ms; serving`);

    const random = new SeededRandom(7);
    const lastDay = addDays(SIZE.firstDay, SIZE.days); // exclusive
    const windows: Outcome['windows'] = [];
    const floors: FloorWindow[] = [];
    for (const days of MODES.length > 0 ? [30, 365] : []) {
      const from = addDays(lastDay, -days);
      const pathOf = (component: number) =>
        `/entities/component/default/${componentName(
          component,
        )}/cost?from=${from}&to=${lastDay}`;
      const randomPaths = (count: number) =>
        Array.from({ length: count }, () =>
          pathOf(random.int(0, SIZE.components - 1)),
        );
      const everyComponent = () =>
        random.shuffle(
          Array.from({ length: SIZE.components }, (_, i) => pathOf(i)),
        );
      let floorAnswer: Buffer | undefined;
      for (const mode of MODES) {
        const costQueries = new CostQueryService({
          store,
          catalog,
          auth: benchAuth,
          answerCacheMegabytes: mode === 'computed' ? 0 : ANSWER_CACHE_MB,
        });
        const { server, port } = await serveEntityCost(costQueries);
        try {
          const load = {
            port,
            concurrency: CONCURRENCY,
            seriesLength: days,
            checkEvery: CHECK_EVERY,
          };
          await loadFromOtherProcess({
            ...load,
            paths: mode === 'viewed' ? everyComponent() : randomPaths(WARMUP),
          });
          // Other work on the machine skews latency; the table says how busy it was.
          const loadAverage = os.loadavg()[0];
          const cpuBefore = process.cpuUsage();
          const result = await loadFromOtherProcess({
            ...load,
            paths: randomPaths(REQUESTS),
          });
          const cpu = process.cpuUsage(cpuBefore);
          const serverCpuMs =
            (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests);
          log(
            `[${kind}] ${days}-day ${mode} (load ${loadAverage.toFixed(
              1,
            )}, server CPU ${serverCpuMs.toFixed(
              2,
            )} ms/request): ${JSON.stringify(result)}`,
          );
          windows.push({ days, mode, result, loadAverage, serverCpuMs });
          if (FLOOR && !floorAnswer)
            floorAnswer = await fetchBody(port, pathOf(0));
        } finally {
          await new Promise(resolve => server.close(resolve));
        }
      }
      if (FLOOR) {
        const floor = await measureFloor({
          days,
          requests: REQUESTS,
          warmup: WARMUP,
          concurrency: CONCURRENCY,
          checkEvery: CHECK_EVERY,
          answer: floorAnswer,
        });
        log(
          `[${kind}] ${days}-day floor (${
            floor.bytes
          } bytes, load ${floor.loadAverage.toFixed(1)}): ${JSON.stringify(
            floor.result,
          )}`,
        );
        floors.push(floor);
      }
    }
    // After the cost windows: the KPI step adds reservation facts of its own.
    const kpis =
      KPI_REQUESTS > 0
        ? await benchKpis({
            knex,
            catalog,
            firstDay: SIZE.firstDay,
            days: SIZE.days,
            requests: KPI_REQUESTS,
            log: message => log(`[${kind}] ${message}`),
          })
        : undefined;
    return {
      db: kind,
      facts,
      migrateMs,
      insertMs,
      allocateMs,
      allocation: run.message,
      windows,
      floors,
      kpis,
    };
  } finally {
    await cleanup();
    await rm(workDir, { recursive: true, force: true });
  }
}

const MODE_LABELS: Record<Mode, string> = {
  computed: 'computed (cache off)',
  cached: `cache (${ANSWER_CACHE_MB} MB), random views`,
  viewed: `cache, every component viewed once`,
};

const ms = (value: number) => value.toFixed(1);
const s = (value: number) => (value / 1000).toFixed(1);

function table(outcomes: Outcome[]): string {
  const lines = [
    `Query benchmark: ${SIZE.components} components in ${SIZE.systems} systems and ${SIZE.groups} groups, ` +
      `${SIZE.days} days from ${SIZE.firstDay}, ${SIZE.factsPerComponentDay} fact(s) per component per day; ` +
      `autocannon with ${CONCURRENCY} keep-alive connections in a separate process (1 answer in ${CHECK_EVERY} parsed and checked), ` +
      `${REQUESTS} requests per window after ${WARMUP} warm-up, percentiles over every answer's latency; ` +
      `node ${process.version}, ${os.cpus().length} CPU(s).`,
    '',
    '| Database | Facts | Migrate (s) | Insert (s) | Allocate (s) | Window | Answers from | Load avg | Answers | Errors | Timeouts | Non-2xx | Bad bodies | req/s | Server CPU/req (ms) | Client CPU/req (ms) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | p95 ≤ 30 ms |',
    '|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const o of outcomes) {
    for (const {
      days,
      mode,
      result: r,
      loadAverage,
      serverCpuMs,
    } of o.windows) {
      lines.push(
        `| ${o.db} | ${o.facts} | ${s(o.migrateMs)} | ${s(o.insertMs)} | ${s(
          o.allocateMs,
        )} | ${days} days | ${MODE_LABELS[mode]} | ${loadAverage.toFixed(
          1,
        )} | ` +
          `${r.requests} | ${r.errors} | ${r.timeouts} | ${r.non2xx} | ${
            r.badBodies
          } | ${r.requestsPerSecond.toFixed(0)} | ${serverCpuMs.toFixed(
            2,
          )} | ` +
          `${(r.clientCpuMs / Math.max(1, r.requests)).toFixed(2)} | ` +
          `${ms(r.p50)} | ${ms(r.p95)} | ` +
          `${ms(r.p99)} | ${ms(r.max)} | ${
            r.p95 <= TARGET_P95_MS ? 'yes' : 'no'
          } |`,
      );
    }
  }
  return lines.join('\n');
}

/** Issue 19 target 4: the floor of the same run, cached p95 against it, computed CPU. */
function floorTable(outcomes: Outcome[]): string {
  const lines = [
    `Floor in the same run (a bare Express route sending one real answer's bytes with an ETag, same client and request counts) ` +
      `and issue 19 target 4: cached p95 ≤ ${FLOOR_FACTOR_TARGET}× the floor's p95; computed server CPU ≤ 1 ms (30 days) / ≤ 2 ms (365 days) per answer.`,
    '',
    '| Database | Window | Floor bytes | Floor load avg | Floor req/s | Floor server CPU/req (ms) | Floor p50 (ms) | Floor p95 (ms) | Viewed p95 (ms) | Viewed / floor | Random-views p95 (ms) | Random / floor | Computed CPU/req (ms) | Computed target met |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const o of outcomes) {
    for (const f of o.floors) {
      const of = (mode: Mode) =>
        o.windows.find(w => w.days === f.days && w.mode === mode);
      const viewed = of('viewed');
      const cached = of('cached');
      const computed = of('computed');
      const ratio = (p95?: number) =>
        p95 === undefined ? '–' : `${(p95 / f.result.p95).toFixed(2)}×`;
      lines.push(
        `| ${o.db} | ${f.days} days | ${f.bytes} | ${f.loadAverage.toFixed(
          1,
        )} | ${f.result.requestsPerSecond.toFixed(0)} | ${f.serverCpuMs.toFixed(
          2,
        )} | ${ms(f.result.p50)} | ${ms(f.result.p95)} | ${
          viewed ? ms(viewed.result.p95) : '–'
        } | ${ratio(viewed?.result.p95)} | ${
          cached ? ms(cached.result.p95) : '–'
        } | ${ratio(cached?.result.p95)} | ${
          computed ? computed.serverCpuMs.toFixed(2) : '–'
        } | ${computedMet(computed?.serverCpuMs, f.days)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Whether computed answers met their CPU target ('–' when not measured). */
function computedMet(serverCpuMs: number | undefined, days: number): string {
  if (serverCpuMs === undefined) return '–';
  return serverCpuMs <= (COMPUTED_CPU_TARGET_MS[days] ?? 0) ? 'yes' : 'no';
}

/** One answer's bytes, as the route sends them. */
function fetchBody(port: number, requestPath: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: requestPath }, res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`HTTP ${res.statusCode} for ${requestPath}`)),
        );
      })
      .on('error', reject);
  });
}

function kpiTable(outcomes: Outcome[]): string {
  const lines = [
    `GET /kpis for the last 365 days: ${KPI_REQUESTS} sequential requests per query after 5 warm-up, ` +
      `no answer cache (the route has none); facts as above plus reservation facts (Used and Unused rows per day).`,
    '',
    '| Database | Facts | Answer from the facts (s) | Rollup rebuild (s) | Rollup rows | Query | p50 (ms) | p95 (ms) | max (ms) | Answer (KB) | p95 ≤ 200 ms |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|',
  ];
  for (const o of outcomes) {
    if (!o.kpis) continue;
    const k = o.kpis;
    for (const w of k.windows) {
      lines.push(
        `| ${o.db} | ${o.facts + k.commitmentFacts} | ${s(k.fromFactsMs)} | ${s(
          k.rebuildMs,
        )} | ${k.rollupRows} | \`${w.query.replace(
          /from=[^&]*&to=[^&]*/,
          '365 days',
        )}\` | ${ms(w.p50)} | ${ms(w.p95)} | ${ms(w.max)} | ${(
          w.bodyBytes / 1024
        ).toFixed(1)} | ${w.p95 <= KPI_TARGET_MS ? 'yes' : 'no'} |`,
      );
    }
  }
  return lines.join('\n');
}

async function main() {
  const outcomes: Outcome[] = [];
  for (const kind of DATABASES) {
    outcomes.push(await benchDatabase(kind));
  }
  if (MODES.length > 0) process.stdout.write(`${table(outcomes)}\n`);
  if (FLOOR && MODES.length > 0)
    process.stdout.write(`\n${floorTable(outcomes)}\n`);
  if (KPI_REQUESTS > 0) process.stdout.write(`\n${kpiTable(outcomes)}\n`);
  for (const o of outcomes) {
    for (const { days, mode, result } of o.windows) {
      if (result.firstError)
        process.stdout.write(
          `\n${o.db} ${days} days ${mode}, first error: ${result.firstError}\n`,
        );
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
