/*
 * Issue 19 target 3 on PostgreSQL: 20M stored facts (5,000 components × 10 resources ×
 * 400 days), then what an enterprise store does with them, timed in this process (the
 * backend's part: allocation runs and the cost route), with its peak memory:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/scale/run.ts
 *     [--database scale_20m] [--components 5000] [--resources 10] [--days 400]
 *     [--steps build,full,query,month,query,sizes] [--requests 300] [--drop]
 *
 * - build: the database (dropped and created), migrations, facts written by PostgreSQL
 *   (dataset.ts) as already allocated by earlier runs, their keys registered undecided;
 *   secondary indexes built after the load; VACUUM ANALYZE. The days end on a month's end.
 * - full: an allocation run that decides every key and rebuilds the daily rollup and the
 *   keys' monthly sums from every fact (mode `rebuilt`). Not measured: the one-off stamp of
 *   every fact as allocated that a first-ever run over a 20M-fact import would also do.
 * - month: the next calendar month delivered (every resource, every day, not yet
 *   allocated, its month recorded as an ingestion records it), then the run that brings
 *   allocation and rollups up to date (mode `months`).
 * - query: `GET /entities/component/default/<random>/cost` for the last 30 and 365 days,
 *   answer cache off, one client (autocannon, own process), `--requests` each after 30.
 * - sizes: table and index sizes (pg_total_relation_size etc.).
 * - forget: the latest run marked failed, so that the next `full` rebuilds everything with
 *   every key already decided (the steady-state full rebuild); `analyze`: ANALYZE.
 *
 * The database stays unless `--drop` is given (other work may read it). Not a test.
 */
import knexFactory, { Knex } from 'knex';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { CostQueryService } from '../../src/allocation/CostQueryService';
import { DatabaseAllocationStore } from '../../src/database/DatabaseAllocationStore';
import { recordChangedMonths } from '../../src/database/changedMonths';
import { migrationConfig } from '../../src/database/migrations';
import { ALLOCATION_RUNS_TABLE } from '../../src/database/tables';
// eslint-disable-next-line no-restricted-imports
import { SeededRandom } from '../../src/__testUtils__/SeededRandom';
import { addDays, componentName, generateCatalog } from '../query/dataset';
import { loadFromOtherProcess } from '../query/forkLoad';
import { benchAllocation } from '../query/benchAllocation';
import { InMemoryCatalog, benchAuth, serveEntityCost } from '../query/harness';
import {
  ScaleSize,
  createIndexes,
  dropIndexes,
  insertFacts,
  registerKeys,
  writeResources,
} from './dataset';
import { databaseSizes } from './sizes';

const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATABASE = arg('--database', 'scale_20m');
if (!/^scale_[a-z0-9_]+$/.test(DATABASE)) {
  throw new Error('--database must be scale_<lowercase letters, digits, _>');
}
const SIZE: ScaleSize = {
  components: Number(arg('--components', '5000')),
  resources: Number(arg('--resources', '10')),
  days: Number(arg('--days', '400')),
  // 400 days from here end on 2026-10-31: the delivered month is a whole November.
  firstDay: arg('--first-day', '2025-09-27'),
};
const STEPS = arg('--steps', 'build,full,query,month,query,sizes').split(',');
const REQUESTS = Number(arg('--requests', '300'));

const results: string[] = [];
const log = (message: string) =>
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
/** A result line: printed now and again at the end. */
const report = (message: string) => {
  results.push(message);
  log(message);
};
const load1 = () => os.loadavg()[0].toFixed(1);

/** This process's resident memory, sampled every 100 ms, highest per step. */
let stepPeakRss = 0;
const sampler = setInterval(() => {
  stepPeakRss = Math.max(stepPeakRss, process.memoryUsage().rss);
}, 100);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function step<T>(
  name: string,
  fn: () => Promise<T>,
): Promise<[T, number]> {
  stepPeakRss = process.memoryUsage().rss;
  const loadBefore = load1();
  log(`${name}: starting (load ${loadBefore})`);
  const start = performance.now();
  const result = await fn();
  const elapsed = performance.now() - start;
  report(
    `${name}: ${(elapsed / 1000).toFixed(
      1,
    )} s (load ${loadBefore} → ${load1()}, peak RSS ${mb(
      Math.max(stepPeakRss, process.memoryUsage().rss),
    )})`,
  );
  return [result, elapsed];
}

async function build(lastDay: string) {
  const admin = knexFactory({ client: 'pg', connection: POSTGRES_URL });
  await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.raw(`CREATE DATABASE ${DATABASE}`);
  await admin.destroy();
  // One connection, so that the session settings below hold for every statement.
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/${DATABASE}`,
    pool: { min: 1, max: 1 },
  });
  try {
    await buildIn(knex, lastDay);
  } finally {
    await knex.destroy();
  }
}

async function buildIn(knex: Knex, lastDay: string) {
  await knex.migrate.latest(migrationConfig);
  // Session settings for the bulk load only (the server's configuration is untouched).
  await knex.raw(`SET maintenance_work_mem = '1GB'`);
  await knex.raw(`SET work_mem = '256MB'`);
  await knex.raw('SET synchronous_commit = off');
  const [resources] = await step('resources and their keys (Node)', () =>
    writeResources(knex, SIZE),
  );
  const indexes = await dropIndexes(knex);
  const [facts, insertMs] = await step(
    `facts: ${resources} resources × ${SIZE.days} days (INSERT … SELECT generate_series, indexes dropped)`,
    () =>
      insertFacts(knex, {
        from: SIZE.firstDay,
        to: lastDay,
        allocatedAt: new Date(),
        ingestionId: 'scale-build',
        log,
      }),
  );
  report(
    `  ${facts} facts, ${Math.round(
      facts / (insertMs / 1000),
    )} facts/s into the heap`,
  );
  const [, indexMs] = await step(
    `${indexes.length} secondary indexes built`,
    () => createIndexes(knex, indexes),
  );
  await step('keys registered (as earlier runs left them)', () =>
    registerKeys(knex),
  );
  await step('VACUUM ANALYZE', () => knex.raw('VACUUM ANALYZE'));
  report(
    `  build: ${facts} facts in ${((insertMs + indexMs) / 1000).toFixed(
      1,
    )} s with indexes = ${Math.round(
      facts / ((insertMs + indexMs) / 1000),
    )} facts/s`,
  );
}

async function queries(
  store: DatabaseAllocationStore,
  catalog: InMemoryCatalog,
  lastDay: string,
  label: string,
) {
  const random = new SeededRandom(11);
  const costQueries = new CostQueryService({
    store,
    catalog,
    auth: benchAuth,
    answerCacheMegabytes: 0,
  });
  const { server, port } = await serveEntityCost(costQueries);
  try {
    for (const days of [30, 365]) {
      const from = addDays(lastDay, -days);
      const paths = (n: number) =>
        Array.from(
          { length: n },
          () =>
            `/entities/component/default/${componentName(
              random.int(0, SIZE.components - 1),
            )}/cost?from=${from}&to=${lastDay}`,
        );
      const job = { port, concurrency: 1, seriesLength: days, checkEvery: 1 };
      await loadFromOtherProcess({ ...job, paths: paths(30) });
      const loadBefore = load1();
      stepPeakRss = process.memoryUsage().rss;
      const cpuBefore = process.cpuUsage();
      const r = await loadFromOtherProcess({ ...job, paths: paths(REQUESTS) });
      const cpu = process.cpuUsage(cpuBefore);
      report(
        `query ${label}, ${days} days, computed, 1 client: p50 ${r.p50.toFixed(
          1,
        )} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(
          1,
        )} ms, ${r.requestsPerSecond.toFixed(0)} req/s, server CPU ${(
          (cpu.user + cpu.system) /
          1000 /
          Math.max(1, r.requests)
        ).toFixed(2)} ms/answer; ${r.requests} answers, ${r.errors} errors, ${
          r.non2xx
        } non-2xx, ${r.badBodies} bad bodies (load ${loadBefore}, peak RSS ${mb(
          stepPeakRss,
        )})${r.firstError ? `; first error: ${r.firstError}` : ''}`,
      );
    }
  } finally {
    await new Promise(resolve => server.close(resolve));
  }
}

async function main() {
  report(
    `scale bench on ${DATABASE}: ${SIZE.components} components × ${SIZE.resources} resources × ${SIZE.days} days from ${SIZE.firstDay}; ` +
      `node ${process.version}, ${
        os.cpus().length
      } CPUs, started ${new Date().toISOString()}`,
  );
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/${DATABASE}`,
    // Backstage's default pool for a plugin database.
    pool: { min: 0, max: 10 },
  });
  let lastDay = addDays(SIZE.firstDay, SIZE.days); // exclusive
  try {
    const catalog = new InMemoryCatalog(
      generateCatalog({
        components: SIZE.components,
        systems: 100,
        groups: 40,
        days: SIZE.days,
        factsPerComponentDay: SIZE.resources,
        firstDay: SIZE.firstDay,
      }),
    );
    const { store, allocation } = benchAllocation(knex, catalog);
    const allocate = async (name: string) => {
      const [run] = await step(name, () => allocation.run());
      if (run.status !== 'succeeded') throw new Error(run.message);
      report(
        `  mode ${run.rollup}, phases ${JSON.stringify(run.phasesMs)}; ${
          run.message
        }`,
      );
    };
    for (const name of STEPS) {
      if (name === 'build') {
        await build(lastDay);
      } else if (name === 'full') {
        await allocate('full allocation and rollup rebuild');
      } else if (name === 'month') {
        const month = lastDay.slice(0, 7);
        const next = addDays(`${month}-01`, 32).slice(0, 7);
        const from = lastDay;
        const [facts] = await step(
          `delivery of ${month} (INSERT … SELECT, not part of the allocation)`,
          () =>
            insertFacts(knex, {
              from,
              to: `${next}-01`,
              allocatedAt: null,
              ingestionId: `scale-${month}`,
              log,
            }),
        );
        report(`  ${facts} facts delivered`);
        await recordChangedMonths(knex, [month]);
        lastDay = `${next}-01`;
        await allocate(`allocation after the ${month} delivery`);
      } else if (name === 'query') {
        await queries(store, catalog, lastDay, `(data to ${lastDay})`);
      } else if (name === 'sizes') {
        for (const line of await databaseSizes(knex)) report(line);
      } else if (name === 'forget') {
        // The latest run marked failed: the next run rebuilds everything, with every key
        // already decided (a full rebuild of a store in use, e.g. after a failed run).
        await knex.raw(
          `UPDATE ${ALLOCATION_RUNS_TABLE} SET status = 'failed' WHERE id = (SELECT max(id) FROM ${ALLOCATION_RUNS_TABLE})`,
        );
        report('latest allocation run marked failed (next run: rebuilt)');
      } else if (name === 'analyze') {
        await step('ANALYZE', () => knex.raw('ANALYZE'));
      }
    }
  } finally {
    await knex.destroy();
    if (process.argv.includes('--drop')) {
      const admin = knexFactory({ client: 'pg', connection: POSTGRES_URL });
      await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE}`);
      await admin.destroy();
    }
    clearInterval(sampler);
  }
  report(
    `peak RSS of this process over the whole run (getrusage): ${mb(
      process.resourceUsage().maxRSS * 1024,
    )}; finished ${new Date().toISOString()}`,
  );
  process.stdout.write(`${results.join('\n')}\n`);
}

main().catch(error => {
  clearInterval(sampler);
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
