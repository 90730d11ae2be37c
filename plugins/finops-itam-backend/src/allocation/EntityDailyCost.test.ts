import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import {
  COST_BASES,
  DatabaseAllocationStore,
} from '../database/DatabaseAllocationStore';
import { migrationConfig } from '../database/migrations';
import { Money, MoneyValue } from '../money';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SeededRandom } from '../__testUtils__/SeededRandom';
import { AllocationService } from './AllocationService';
import { parseSharedCostConfig } from './shared';
import { insertFacts, randomCatalog, randomFacts } from './__testUtils__/facts';
import { recordChangedMonths } from '../database/changedMonths';

jest.setTimeout(120_000);

const sharedCost = parseSharedCostConfig({
  sharedCostPools: [
    {
      id: 'platform',
      mode: 'showback',
      rows: { tags: { shared: 'platform' } },
      targets: { allComponentsOf: 'system:default/shop' },
      method: 'proportional',
    },
    {
      id: 'support',
      mode: 'chargeback',
      rows: { services: ['AWS Support'] },
      targets: {
        entities: [
          'group:default/team-a',
          'group:default/team-b',
          'group:default/team-c',
        ],
      },
      method: 'even',
    },
    {
      id: 'tax',
      mode: 'showback',
      rows: { chargeCategories: ['Tax'] },
      targets: {
        entities: ['component:default/checkout', 'component:default/search'],
      },
      method: 'fixed',
      weights: {
        'component:default/checkout': 33.3,
        'component:default/search': 66.7,
      },
    },
  ],
});

/** `entity \0 basis \0 day \0 currency` → "direct/shared", summed exactly from the facts. */
async function factBasedSums(store: DatabaseAllocationStore, knex: Knex) {
  const expected = new Map<
    string,
    { direct: MoneyValue; shared: MoneyValue }
  >();
  const ancestors: string[] = (
    await knex('finops_itam_rollup_members').distinct('ancestor_ref')
  ).map((r: any) => r.ancestor_ref);
  for (const ancestorRef of ancestors) {
    for (const basis of COST_BASES) {
      const query = {
        ancestorRef,
        basis,
        from: '2000-01-01',
        to: '2100-01-01',
      };
      const add = (
        day: string,
        currency: string,
        part: 'direct' | 'shared',
        amount: string,
      ) => {
        const k = [ancestorRef, basis, day, currency].join('\u0000');
        const entry = expected.get(k) ?? {
          direct: new Money(0),
          shared: new Money(0),
        };
        entry[part] = entry[part].plus(amount);
        expected.set(k, entry);
      };
      for (const row of await store.directCostRows(query))
        add(row.day!, row.currency!, 'direct', row.amount);
      for (const row of await store.sharedCostRows(query))
        add(row.day!, row.currency!, 'shared', row.amount);
    }
  }
  // A day whose facts sum to zero has no rollup row: nothing to show, nothing lost.
  return new Map(
    [...expected]
      .map(
        ([k, v]) => [k, `${v.direct.toFixed()}/${v.shared.toFixed()}`] as const,
      )
      .filter(([, v]) => v !== '0/0'),
  );
}

async function rollupSums(knex: Knex) {
  const rows = await knex('finops_itam_entity_daily_cost').select();
  return new Map<string, string>(
    rows.map((r: any) => [
      [r.entity_ref, r.basis, r.day, r.currency].join('\u0000'),
      `${new Money(String(r.direct)).toFixed()}/${new Money(
        String(r.shared),
      ).toFixed()}`,
    ]),
  );
}

/** Windows with whole months, partial months at both ends, one month and a few days. */
const WINDOWS = [
  ['2026-10-15', '2026-12-20'],
  ['2026-11-01', '2026-12-01'],
  ['2026-11-03', '2026-11-09'],
  ['2026-10-01', '2027-02-01'],
];

/** `group \0 ...` → exact amount, from breakdown detail rows (which may repeat a group). */
function detailSums(rows: Array<Record<string, string | null>>) {
  const sums = new Map<string, MoneyValue>();
  for (const row of rows) {
    const k = [
      row.currency,
      row.serviceName,
      row.serviceCategory,
      row.chargeCategory,
      row.resourceId,
      row.resourceName,
    ].join('\u0000');
    sums.set(k, (sums.get(k) ?? new Money(0)).plus(row.amount!));
  }
  return Object.fromEntries(
    [...sums]
      .map(([k, v]) => [k, v.toFixed()])
      .filter(([, v]) => v !== '0')
      .sort(),
  );
}

/** The same breakdown summed from every fact of the rollup in the window. */
async function factDetailSums(
  knex: Knex,
  ancestorRef: string,
  from: string,
  to: string,
  column: string,
) {
  const rows = await knex('finops_itam_allocated_facts as f')
    .join(
      'finops_itam_rollup_members as r',
      'r.member_ref',
      'f.allocated_entity_ref',
    )
    .where('r.ancestor_ref', ancestorRef)
    .where('f.day', '>=', from)
    .where('f.day', '<', to)
    .select({
      currency: 'f.currency',
      serviceName: 'f.service_name',
      serviceCategory: 'f.service_category',
      chargeCategory: 'f.charge_category',
      resourceId: 'f.resource_id',
      resourceName: 'f.resource_name',
      amount: `f.${column}`,
    });
  return detailSums(rows.map((r: any) => ({ ...r, amount: String(r.amount) })));
}

describe('daily entity cost rollup', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'equals the exact fact-based sums over random data and catalogs, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      const store = new DatabaseAllocationStore(knex);
      const random = new SeededRandom(11272026);
      await insertFacts(knex, randomFacts(random, 500, 12));
      // Rounds without new or deleted facts move cost by deltas; facts changed with a
      // record of their months (as ingestion and retention write them) rebuild those
      // months; facts changed without one rebuild everything.
      const expectedModes = [
        'rebuilt',
        'incremental',
        'rebuilt',
        'incremental',
        'rebuilt',
        'incremental',
        'months',
        'months',
        'incremental',
        'rebuilt',
      ];
      for (let round = 0; round < expectedModes.length; round++) {
        if (round === 6) {
          // A delivery of two months, one of them across the year end.
          const delivered = randomFacts(random, 120, 10).map((fact, i) => ({
            ...fact,
            day:
              i % 2
                ? '2026-12-31'
                : `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
          }));
          await insertFacts(knex, delivered);
          await recordChangedMonths(
            knex,
            delivered.map(f => f.day.slice(0, 7)),
          );
        }
        if (round === 7) {
          // Retention: a month's facts go, recorded.
          await knex('finops_itam_cost_facts')
            .where('day', '<', '2026-11-01')
            .delete();
          await recordChangedMonths(knex, ['2026-10']);
        }
        if (round === 9) {
          // One recorded month and a fact in another month without a record.
          await insertFacts(knex, [
            ...randomFacts(random, 10, 5).map(fact => ({
              ...fact,
              day: '2026-11-15',
            })),
            ...randomFacts(random, 1, 1).map(fact => ({
              ...fact,
              day: '2027-01-02',
            })),
          ]);
          await recordChangedMonths(knex, ['2026-11']);
        }
        if (round === 4) {
          // Facts deleted (a re-delivered billing period, retention) leave the rollup too.
          await knex('finops_itam_cost_facts')
            .where('day', '2026-11-03')
            .delete();
        }
        if (round === 2) {
          // Facts arriving between runs are in the rollup after the next run.
          await insertFacts(knex, [
            ...randomFacts(random, 150, 20),
            // Around month and year ends: the SQLite rebuild goes month by month.
            ...randomFacts(random, 90, 5).map((fact, i) => ({
              ...fact,
              day: ['2026-10-31', '2026-12-31', '2027-01-01'][i % 3],
            })),
          ]);
        }
        const allocation = new AllocationService({
          store,
          catalog: catalogServiceMock({ entities: randomCatalog(random) }),
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          fallbackRules: [{ tag: 'team', entityKind: 'Group' }],
          sharedCost,
        });
        expect(await allocation.run()).toMatchObject({
          status: 'succeeded',
          rollup: expectedModes[round],
        });

        const expected = await factBasedSums(store, knex);
        const actual = await rollupSums(knex);
        expect(expected.size).toBeGreaterThan(0);
        // Same keys (nothing stale from an earlier catalog) and the same exact amounts.
        expect(Object.fromEntries([...actual].sort())).toEqual(
          Object.fromEntries([...expected].sort()),
        );
        expect([...actual.values()].some(v => !v.endsWith('/0'))).toBe(true);

        // Breakdowns: whole months from the keys' monthly sums, the rest from facts.
        const ancestors: string[] = (
          await knex('finops_itam_rollup_members').distinct('ancestor_ref')
        ).map((r: any) => r.ancestor_ref);
        for (const ancestorRef of ancestors) {
          for (const [from, to] of WINDOWS) {
            const query = { ancestorRef, from, to, basis: 'billed' as const };
            const detail = await store.directCostDetail(query);
            expect(detailSums(detail as any)).toEqual(
              await factDetailSums(knex, ancestorRef, from, to, 'billed_cost'),
            );
            // A cost answer's reads in one go (one statement on PostgreSQL, compiled once
            // per shape and reused for every ancestor and window): the same rows.
            const byDay = (rows: Array<{ day: string; currency: string }>) =>
              [...rows].sort(
                (a, b) =>
                  a.day.localeCompare(b.day) ||
                  a.currency.localeCompare(b.currency),
              );
            for (const basis of COST_BASES) {
              const each = { ...query, basis };
              const reads = await store.entityCostReads(each);
              expect(detailSums(reads.detail as any)).toEqual(
                detailSums((await store.directCostDetail(each)) as any),
              );
              expect(byDay(reads.daily)).toEqual(
                byDay(await store.entityDailyCost(each)),
              );
            }
          }
        }
      }
      await knex.destroy();
    },
  );
});
