/*
 * Benchmark of the license reads (position, an entity's licenses, a system's licenses,
 * reharvest, the catalog feed) against a real database.
 *
 *   yarn workspace @finops-itam/plugin-finops-itam-backend bench:licenses \
 *     [--components 5000] [--licensed 2000] [--days 90] [--reads 5] [--pg postgresql://...]
 *
 * Generates a catalog of N components in 100 systems, `--licensed` resources carrying
 * licensed software (SQL Server, Windows Server, Oracle, RHEL) billed daily over `--days`
 * days, as many unlicensed resources for the scan to skip, and three entitlements. Then
 * times the first read (a full computation), repeated reads of each endpoint, and a read
 * right after an entitlement write (which must recompute). SQLite is an in-memory
 * database; with --pg a scratch database is created and dropped.
 */
import { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import { migrationConfig } from '../../src/database/migrations';
import {
  ALLOCATION_KEY_COLUMNS,
  allocationKeyOf,
} from '../../src/database/allocationKey';
import { readLicensedFacts } from '../../src/licenses/costDataLicenses';
import { DatabaseLicensedFactStore } from '../../src/licenses/DatabaseLicensedFactStore';
import { DatabaseLicenseStore } from '../../src/licenses/DatabaseLicenseStore';
import { DEFAULT_COST_DATA_SETTINGS } from '../../src/licenses/licenseConfig';
import { LicenseProductCatalog } from '../../src/licenses/LicenseProductCatalog';
import { LicenseService } from '../../src/licenses/LicenseService';
// A dev-only script (never imported by the plugin) reuses the test generators on purpose.
// eslint-disable-next-line no-restricted-imports
import { SeededRandom } from '../../src/__testUtils__/SeededRandom';
// eslint-disable-next-line no-restricted-imports
import { testEntity } from '../../src/allocation/__testUtils__/facts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PG = (() => {
  const i = process.argv.indexOf('--pg');
  return i > 0 ? process.argv[i + 1] : undefined;
})();
const COMPONENTS = arg('--components', 5000);
const LICENSED = arg('--licensed', 2000);
const DAYS = arg('--days', 90);
const READS = arg('--reads', 5);
const SYSTEMS = 100;
const LATEST_DAY = '2026-11-26';
const PRODUCTS = [
  'microsoft-sql-server-enterprise',
  'microsoft-windows-server-datacenter',
  'oracle-database-enterprise',
  'rhel',
];

function catalog(): Entity[] {
  const entities: Entity[] = [testEntity('Group', 'team-itam')];
  for (let s = 0; s < SYSTEMS; s++) {
    entities.push(
      testEntity('System', `sys-${s}`, { spec: { owner: 'team-itam' } }),
    );
  }
  for (let c = 0; c < COMPONENTS; c++) {
    entities.push(
      testEntity('Component', `app-${c}`, {
        spec: {
          system: `sys-${c % SYSTEMS}`,
          owner: 'team-itam',
          lifecycle: c % 50 === 0 ? 'deprecated' : 'production',
        },
        ...(c % 100 === 1
          ? { annotations: { 'finops-itam.io/licenses': 'rhel=2' } }
          : {}),
      }),
    );
  }
  return entities;
}

function dayBefore(latest: string, back: number): string {
  const d = new Date(`${latest}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

async function insertCostData(knex: Knex, batch: number) {
  const random = new SeededRandom(5);
  let rows: Record<string, unknown>[] = [];
  let count = 0;
  // Each resource's facts share one allocation key, owned by its component, as an
  // allocation run would have left them.
  const keys = new Map<string, Record<string, unknown>>();
  const flush = async () => {
    if (rows.length > 0) {
      const facts = rows.map(({ entityRef, ...row }) => {
        const key = allocationKeyOf(row as any);
        if (!keys.has(key)) {
          keys.set(key, {
            key,
            ...Object.fromEntries(
              ALLOCATION_KEY_COLUMNS.map(column => [
                column,
                row[column] ?? null,
              ]),
            ),
            allocated_entity_ref: entityRef,
            allocation_rule: 'tags',
            allocated: true,
          });
        }
        return { ...row, allocation_key: key, allocated_at: new Date() };
      });
      await knex('finops_itam_cost_facts').insert(facts);
    }
    count += rows.length;
    rows = [];
  };
  // Licensed resources, some of which start later in the window (a rising requirement),
  // and as many unlicensed ones that the scan has to skip.
  for (let r = 0; r < LICENSED * 2; r++) {
    const licensed = r < LICENSED;
    const component = random.int(0, COMPONENTS - 1);
    const firstBack =
      licensed && random.chance(0.2) ? random.int(0, DAYS - 1) : DAYS - 1;
    const tags = licensed
      ? {
          application: `app-${component}`,
          'license-product': PRODUCTS[r % PRODUCTS.length],
          'license-model': 'byol',
        }
      : { application: `app-${component}` };
    const details = JSON.stringify({ CoreCount: random.int(1, 16) });
    for (let back = firstBack; back >= 0; back--) {
      const day = dayBefore(LATEST_DAY, back);
      rows.push({
        source_id: 'bench',
        ingestion_id: 'ingestion-1',
        file_key: 'file.csv',
        billing_period_start: `${day.slice(0, 7)}-01`,
        day,
        billing_account_id: 'billing-1',
        service_name: 'Amazon EC2',
        service_category: 'Compute',
        resource_id: `res-${r}`,
        resource_name: `vm-${r}`,
        charge_category: 'Usage',
        tags: JSON.stringify(tags),
        currency: 'USD',
        billed_cost: '1.5',
        effective_cost: '1.5',
        list_cost: '0',
        contracted_cost: '0',
        consumed_quantity: '1',
        row_count: 1,
        provider_name: 'Microsoft',
        sku_id: `vm/${r}`,
        sku_price_details: details,
        entityRef: `component:default/app-${component}`,
      });
      if (rows.length >= batch) await flush();
    }
  }
  await flush();
  const keyRows = [...keys.values()];
  for (let i = 0; i < keyRows.length; i += 50) {
    await knex('finops_itam_allocation_keys').insert(keyRows.slice(i, i + 50));
  }
  return count;
}

const entitlements = PRODUCTS.slice(0, 3).map((productId, i) => ({
  id: `ea-${i}`,
  productId,
  quantity: 5000,
  cost: { amount: '100000', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  trueUpDate: '2026-12-15',
  softwareAssurance: true,
  owner: 'group:default/team-itam',
}));

const ms = (n: number) => `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Wall time and this process's CPU time (user + system: JavaScript and, for SQLite, the
 * in-process database) of one call. On a shared, loaded machine the CPU time is the steadier
 * of the two.
 */
async function timeWithCpu<T>(fn: () => Promise<T>): Promise<string> {
  const cpu = process.cpuUsage();
  const wall = await time(fn);
  const used = process.cpuUsage(cpu);
  return `${ms(wall)} wall, ${ms((used.user + used.system) / 1000)} CPU`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  let knex: Knex;
  let admin: Knex | undefined;
  const dbName = `finops_license_bench_${process.pid}`;
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
    const entities = catalog();
    const insertStart = performance.now();
    const facts = await insertCostData(knex, PG ? 1000 : 400);
    // eslint-disable-next-line no-console
    console.log(
      `${PG ? 'postgres' : 'sqlite'}: ${
        entities.length
      } entities, ${facts} cost rows ` +
        `(${LICENSED} licensed resources over ${DAYS} days) inserted in ${ms(
          performance.now() - insertStart,
        )}`,
    );
    const store = new DatabaseLicenseStore(knex);
    const makeService = () =>
      new LicenseService({
        facts: new DatabaseLicensedFactStore(knex),
        store,
        productCatalog: new LicenseProductCatalog([], store),
        catalog: {
          // Copies, as a remote catalog would hand out fresh objects on every call.
          getEntities: async () => ({ items: structuredClone(entities) }),
          getEntityByRef: async (ref: any) =>
            structuredClone(
              entities.find(
                e =>
                  `${e.kind}:default/${e.metadata.name}`.toLowerCase() === ref,
              ),
            ),
        } as any,
        auth: { getOwnServiceCredentials: async () => ({} as any) },
        config: {
          costData: DEFAULT_COST_DATA_SETTINGS,
          instanceTypes: {},
          unauthorizedProducts: [],
          inactiveSeatDays: 90,
        },
        now: () => new Date(`${LATEST_DAY}T12:00:00Z`),
      });
    const service = makeService();
    await service.applyEntitlements(
      [
        {
          records: entitlements.map((value, position) => ({ position, value })),
          positionName: 'record',
        },
      ],
      'bench',
    );

    const reads: Array<[string, () => Promise<unknown>]> = [
      ['GET /licenses/position', () => service.position()],
      [
        'GET /entities/component/default/app-7/licenses',
        () =>
          service.entityLicenses({
            kind: 'component',
            namespace: 'default',
            name: 'app-7',
          }),
      ],
      [
        'GET /entities/system/default/sys-7/licenses',
        () =>
          service.entityLicenses({
            kind: 'system',
            namespace: 'default',
            name: 'sys-7',
          }),
      ],
      ['GET /licenses/reharvest', () => service.reharvest()],
      ['GET /licenses/catalog', () => service.catalogFeed()],
    ];
    const rss = () => `${Math.round(process.memoryUsage().rss / 1e6)} MB RSS`;
    // eslint-disable-next-line no-console
    console.log(
      `first read (full computation): ${await timeWithCpu(
        reads[0][1],
      )}, ${rss()}`,
    );
    for (const [label, read] of reads) {
      const times: number[] = [];
      for (let i = 0; i < READS; i++) times.push(await time(read));
      // eslint-disable-next-line no-console
      console.log(
        `${label}: median ${ms(median(times))} of ${READS} (max ${ms(
          Math.max(...times),
        )})`,
      );
    }
    await service.applyEntitlements(
      [
        {
          records: [
            { position: 0, value: { ...entitlements[0], quantity: 6000 } },
          ],
          positionName: 'record',
        },
      ],
      'bench',
    );
    // eslint-disable-next-line no-console
    console.log(
      `position right after an entitlement write: ${await timeWithCpu(
        reads[0][1],
      )}, ${rss()}`,
    );
    // A new service (a restart, or another replica) over the same database: nothing cached
    // in memory, the stored fact extract current. The cold computation the aim is about.
    // eslint-disable-next-line no-console
    console.log(
      `position from a new service instance (cold): ${await timeWithCpu(() =>
        makeService().position(),
      )}`,
    );
    let licensedRows = 0;
    const scan = await timeWithCpu(async () => {
      licensedRows = (
        await readLicensedFacts(
          new DatabaseLicensedFactStore(knex),
          DEFAULT_COST_DATA_SETTINGS,
        )
      ).rows.length;
    });
    // eslint-disable-next-line no-console
    console.log(
      `of which the database read of licensed cost rows alone: ${scan} (${licensedRows} rows)`,
    );

    // The license cost task: the first run (nothing stored), a run with nothing changed, and
    // a run after October's billing period is delivered again (its facts get new ids).
    // eslint-disable-next-line no-console
    console.log(
      `license cost task, first run: ${await timeWithCpu(() =>
        service.recomputeCost(),
      )}, ${rss()}`,
    );
    // eslint-disable-next-line no-console
    console.log(
      `license cost task, nothing changed: ${await timeWithCpu(() =>
        service.recomputeCost(),
      )}`,
    );
    await knex('finops_itam_cost_facts')
      .where('day', '>=', '2026-10-01')
      .andWhere('day', '<=', '2026-10-31')
      .update({ id: knex.raw('id + 100000000') });
    await knex('finops_itam_ingestions').insert({
      id: 'redelivery-october',
      source_id: 'bench',
      status: 'succeeded',
      started_at: new Date(),
      finished_at: new Date(),
    });
    // eslint-disable-next-line no-console
    console.log(
      `position from a new service instance after October is delivered again (October read again): ${await timeWithCpu(
        () => makeService().position(),
      )}`,
    );
    // eslint-disable-next-line no-console
    console.log(
      `license cost task, after October is delivered again: ${await timeWithCpu(
        () => service.recomputeCost(),
      )}, ${rss()}`,
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
