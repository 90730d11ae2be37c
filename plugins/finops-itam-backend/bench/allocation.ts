/*
 * Benchmark of a whole allocation run against a real database.
 *
 *   yarn bench:allocation [--facts 100000] [--pg postgresql://postgres@127.0.0.1:5432]
 *
 * Generates N facts (seeded) over 30 days and a 600-entity catalog, then times: the first
 * run (every fact written), a second run with nothing changed (read and compare only), a
 * run after an annotation change that moves about a sixth of the facts, a run after a
 * delivery of another month (N/10 facts, its month recorded as an ingestion records it:
 * only that month rebuilt) and a run after the same amount inserted without that record
 * (everything rebuilt). SQLite is an in-memory database; with --pg a scratch database is
 * created and dropped.
 */
import { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import { DatabaseAllocationStore } from '../src/database/DatabaseAllocationStore';
import { recordChangedMonths } from '../src/database/changedMonths';
import { migrationConfig } from '../src/database/migrations';
import { AllocationService } from '../src/allocation/AllocationService';
import { parseSharedCostConfig } from '../src/allocation/shared';
// A dev-only script (never imported by the plugin) reuses the test generators on purpose.
// eslint-disable-next-line no-restricted-imports
import { SeededRandom } from '../src/__testUtils__/SeededRandom';
// eslint-disable-next-line no-restricted-imports
import { insertFacts, testEntity } from '../src/allocation/__testUtils__/facts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const FACTS = Number(arg('--facts') ?? 100_000);
const PG = arg('--pg');
const APPS = 500;

const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silent;
  },
} as any;

function catalog(variant: number): Entity[] {
  const entities: Entity[] = [];
  for (let t = 0; t < 20; t++) entities.push(testEntity('Group', `team-${t}`));
  for (let s = 0; s < 50; s++) {
    entities.push(
      testEntity('System', `sys-${s}`, { spec: { owner: `team-${s % 20}` } }),
    );
  }
  for (let a = 0; a < APPS; a++) {
    const annotations: Record<string, string> =
      a % 6 === variant
        ? { 'finops-itam.io/cost-resources': `res-${a}-*` }
        : { 'finops-itam.io/cost-tags': `application=app-${a}` };
    entities.push(
      testEntity('Component', `app-${a}`, {
        annotations,
        spec: { system: `sys-${a % 50}`, owner: `team-${a % 20}` },
      }),
    );
  }
  return entities;
}

async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  // eslint-disable-next-line no-console
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`, result);
  return result;
}

async function main() {
  let knex: Knex;
  let admin: Knex | undefined;
  const dbName = `finops_alloc_bench_${process.pid}`;
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
    const random = new SeededRandom(1);
    const generate = (count: number, month: string) =>
      Array.from({ length: count }, (_, i) => {
        const app = random.int(0, APPS - 1);
        return {
          day: `${month}-${String((i % 30) + 1).padStart(2, '0')}`,
          resourceId: `res-${app}-${random.int(0, 40)}`,
          tags: random.chance(0.9)
            ? {
                application: `app-${app}`,
                ...(random.chance(0.05) ? { shared: 'platform' } : {}),
              }
            : null,
          billedCost: `${random.int(0, 999)}.${random.digits(16)}`,
          effectiveCost: `${random.int(0, 999)}.${random.digits(10)}`,
        };
      });
    const facts = generate(FACTS, '2026-11');
    // Within both engines' limits: SQLite's 500-term compound SELECT, PostgreSQL's 65,535 parameters.
    await time(`insert ${FACTS} facts`, () =>
      insertFacts(knex, facts, PG ? 2000 : 500),
    );
    const store = new DatabaseAllocationStore(knex);
    const sharedCost = parseSharedCostConfig({
      sharedCostPools: [
        {
          id: 'platform',
          mode: 'showback',
          rows: { tags: { shared: 'platform' } },
          targets: { allComponentsOf: 'group:default/team-1' },
          method: 'proportional',
        },
      ],
    });
    const service = (variant: number) =>
      new AllocationService({
        store,
        catalog: { getEntities: async () => ({ items: catalog(variant) }) },
        auth: { getOwnServiceCredentials: async () => ({} as any) },
        logger: silent,
        fallbackRules: [],
        sharedCost,
      });
    const summary = (r: any) => ({
      rollup: r.rollup,
      scanned: r.factsScanned,
      changed: r.factsChanged,
      parts: r.sharedParts,
      phasesMs: r.phasesMs,
    });
    await time('first run (all facts written)', async () =>
      summary(await service(0).run()),
    );
    await time('second run (nothing changed)', async () =>
      summary(await service(0).run()),
    );
    await time('after an annotation change', async () =>
      summary(await service(1).run()),
    );
    const batch = PG ? 2000 : 500;
    await insertFacts(knex, generate(FACTS / 10, '2026-12'), batch);
    await recordChangedMonths(knex, ['2026-12']);
    await time('after a month delivered (recorded)', async () =>
      summary(await service(1).run()),
    );
    await insertFacts(knex, generate(FACTS / 10, '2027-01'), batch);
    await time('after a month inserted without a record', async () =>
      summary(await service(1).run()),
    );
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
