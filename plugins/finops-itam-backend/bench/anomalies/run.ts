/**
 * Times the anomaly detection scan (issue 16: 5,000 entities × 400 days in one scheduled run
 * ≤ 60 s on SQLite and PostgreSQL, memory < 1 GB): the daily rollup of `--entities` components
 * over `--days` days of demo-like cost is written to a fresh database, then the scan reads it
 * through `DatabaseEntityDailyCostReader` and judges every entity, as the task does.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs plugins/finops-itam-backend/bench/anomalies/run.ts \
 *     [--entities 5000] [--days 400] [--lookback 30] [--pg postgresql://...]
 *
 * The facts behind the drivers are not generated (a fact per resource and day would
 * benchmark ingestion): each anomaly's split is read from empty fact tables, so the drivers'
 * queries are counted but their rows are not.
 */
import knexFactory, { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import { scanCostAnomalies } from '../../src/anomalies/CostAnomalyScan';
import { DatabaseEntityDailyCostReader } from '../../src/database/DatabaseEntityDailyCostReader';
import { migrationConfig } from '../../src/database/migrations';
import { benchDays, demoLikeEntities } from '../forecast/demoLikeSeries';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const ENTITIES = Number(arg('entities', '5000'));
const DAYS = Number(arg('days', '400'));
const LOOKBACK = Number(arg('lookback', '30'));
const PG = arg('pg', '');
const LAST_DAY = '2026-11-30';

const ms = (value: number) => `${(value / 1000).toFixed(1)} s`;
const rss = () =>
  `RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;

async function insertRollup(knex: Knex): Promise<number> {
  const days = benchDays(LAST_DAY, DAYS);
  const chunk = PG ? 5000 : 500;
  let written = 0;
  // In batches of entities, so the generated series never all sit in memory.
  for (let first = 0; first < ENTITIES; first += 500) {
    const entities = demoLikeEntities(
      Math.min(500, ENTITIES - first),
      days,
      16 + first,
    );
    const rows = entities.flatMap((entity, index) =>
      days.map((day, t) => ({
        entity_ref: `component:default/svc-${first + index}`,
        day,
        currency: 'USD',
        basis: 'amortized',
        direct: entity.values[t].toFixed(2),
        shared: '0',
      })),
    );
    await knex.transaction(async trx => {
      for (let at = 0; at < rows.length; at += chunk) {
        await trx('finops_itam_entity_daily_cost').insert(
          rows.slice(at, at + chunk),
        );
      }
    });
    written += rows.length;
  }
  return written;
}

/** The reads of a daily scan one by one, to see where the database's time goes. */
async function timePhases(reader: DatabaseEntityDailyCostReader) {
  const days = { from: '2026-06-13', to: '2026-12-01' };
  const phases: string[] = [];
  const phase = async <T>(name: string, fn: () => Promise<T>) => {
    const start = performance.now();
    const result = await fn();
    phases.push(`${name} ${ms(performance.now() - start)}`);
    return result;
  };
  await phase('latest day', () => reader.latestCostDay());
  const refs = await phase('entities', () =>
    reader.entitiesWithCost(['component'], days),
  );
  await phase('totals', async () => {
    for (let i = 0; i < refs.length; i += 250) {
      await reader.dailyTotals(refs.slice(i, i + 250), days);
    }
  });
  await phase('splits of 250 entities over 58 days', () =>
    reader.dailyBreakdowns(refs.slice(0, 250), {
      from: '2026-10-03',
      to: '2026-12-01',
    }),
  );
  // eslint-disable-next-line no-console
  console.log(
    `reads of a daily scan (${days.from} to ${days.to}): ${phases.join(', ')}`,
  );
}

async function main() {
  let knex: Knex;
  let admin: Knex | undefined;
  const dbName = `finops_anomaly_bench_${process.pid}`;
  if (PG) {
    admin = knexFactory({ client: 'pg', connection: PG });
    await admin.raw(`CREATE DATABASE ${dbName}`);
    knex = knexFactory({ client: 'pg', connection: `${PG}/${dbName}` });
  } else {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  }
  try {
    await knex.migrate.latest(migrationConfig);
    const insertStart = performance.now();
    const rows = await insertRollup(knex);
    if (PG) await knex.raw('ANALYZE finops_itam_entity_daily_cost');
    // eslint-disable-next-line no-console
    console.log(
      `${
        PG ? 'postgres' : 'sqlite'
      }: ${rows} rollup rows (${ENTITIES} entities × ${DAYS} days) written in ${ms(
        performance.now() - insertStart,
      )}`,
    );
    const reader = new DatabaseEntityDailyCostReader(knex);
    await timePhases(reader);
    for (const lookbackDays of [LOOKBACK, DAYS]) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = await scanCostAnomalies(
        reader,
        {
          lagDays: 2,
          minHistoryDays: 14,
          threshold: 3,
          minImpactPercent: 10,
          minImpact: {},
          increasesOnly: false,
          lookbackDays,
          entityKinds: ['component'],
        },
        '2026-12-02',
      );
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      // eslint-disable-next-line no-console
      console.log(
        `scan reporting the last ${lookbackDays} days (from ${
          result.reportFrom
        }): ${result.entities} entities, ${
          result.anomalies.length
        } anomalies in ${ms(wall)} wall, ${ms(
          (used.user + used.system) / 1000,
        )} CPU, ${rss()}`,
      );
    }
  } finally {
    await knex.destroy();
    if (admin) {
      await admin.raw(`DROP DATABASE ${dbName}`);
      await admin.destroy();
    }
  }
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
