/*
 * Generated catalog and cost facts for the query benchmark: components in systems, owned by
 * groups under one parent, each component mapped by a cost-tags annotation, and a few facts
 * per component per day inserted straight into the facts table, as an ingestion stores them.
 */
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { allocationKeyOf } from '../../src/database/allocationKey';
// A dev-only script (never imported by the plugin) reuses the test generators on purpose.
// eslint-disable-next-line no-restricted-imports
import { SeededRandom } from '../../src/__testUtils__/SeededRandom';
// eslint-disable-next-line no-restricted-imports
import { testEntity } from '../../src/allocation/__testUtils__/facts';

export interface DatasetSize {
  components: number;
  systems: number;
  groups: number;
  days: number;
  /** Facts per component per day (each on another service and resource). */
  factsPerComponentDay: number;
  /** First day of the data, YYYY-MM-DD. */
  firstDay: string;
}

const SERVICES: Array<[string, string]> = [
  ['Amazon EC2', 'Compute'],
  ['Amazon S3', 'Storage'],
  ['Amazon RDS', 'Databases'],
  ['AWS Lambda', 'Compute'],
  ['Amazon CloudWatch', 'Management and Governance'],
];

export const componentName = (c: number) => `comp-${c}`;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Groups under one parent, systems owned by groups, components in systems. */
export function generateCatalog(size: DatasetSize): Entity[] {
  const entities: Entity[] = [
    testEntity('Domain', 'all'),
    testEntity('Group', 'org'),
  ];
  for (let g = 0; g < size.groups; g++) {
    entities.push(
      testEntity('Group', `team-${g}`, {
        spec: { type: 'team', parent: 'org' },
      }),
    );
  }
  for (let s = 0; s < size.systems; s++) {
    entities.push(
      testEntity('System', `sys-${s}`, {
        spec: { owner: `team-${s % size.groups}`, domain: 'all' },
      }),
    );
  }
  for (let c = 0; c < size.components; c++) {
    const s = c % size.systems;
    entities.push(
      testEntity('Component', componentName(c), {
        annotations: {
          'finops-itam.io/cost-tags': `application=${componentName(c)}`,
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          system: `sys-${s}`,
          owner: `team-${s % size.groups}`,
        },
      }),
    );
  }
  return entities;
}

/** Rows per INSERT: knex inserts many rows on SQLite as a compound SELECT, capped at 500 terms. */
const INSERT_CHUNK = 500;

/**
 * Inserts the facts day by day (one transaction per day), so memory stays flat. Besides
 * the component facts, each day has one untagged AWS Support fact that forms the shared
 * pool `support` (split over the components of one group). Returns the number of facts.
 */
export async function insertGeneratedFacts(
  knex: Knex,
  size: DatasetSize,
): Promise<number> {
  const random = new SeededRandom(42);
  let count = 0;
  for (let d = 0; d < size.days; d++) {
    const day = addDays(size.firstDay, d);
    const period = `${day.slice(0, 7)}-01`;
    const rows: Record<string, unknown>[] = [];
    const fact = (f: {
      service: [string, string];
      resourceId: string | null;
      subAccountId: string;
      tags: string | null;
      chargeCategory?: string;
    }) => {
      const effective = `${random.int(0, 99)}.${random.digits(10)}`;
      rows.push({
        source_id: 'bench',
        ingestion_id: 'ingestion-1',
        file_key: 'bench.csv',
        billing_period_start: period,
        day,
        billing_account_id: 'billing-1',
        sub_account_id: f.subAccountId,
        service_name: f.service[0],
        service_category: f.service[1],
        resource_id: f.resourceId,
        resource_name: null,
        charge_category: f.chargeCategory ?? 'Usage',
        tags: f.tags,
        currency: 'USD',
        billed_cost: `${random.int(0, 99)}.${random.digits(6)}`,
        effective_cost: effective,
        list_cost: '0',
        contracted_cost: '0',
        consumed_quantity: '1',
        row_count: 1,
      });
    };
    for (let c = 0; c < size.components; c++) {
      const name = componentName(c);
      const tags = JSON.stringify({ application: name, environment: 'prod' });
      for (let k = 0; k < size.factsPerComponentDay; k++) {
        // A resource lives in one account and is billed by one service, every day, as in
        // real exports (an earlier version drew both per day: 40 owner-deciding variants
        // per resource, where real bills have one or two).
        fact({
          service: SERVICES[(c + k) % SERVICES.length],
          resourceId: `arn:aws:bench:${name}-${k}`,
          subAccountId: `acct-${(c % 8) + 1}`,
          tags,
        });
      }
    }
    fact({
      service: ['AWS Support', 'Other'],
      resourceId: null,
      subAccountId: 'acct-1',
      tags: null,
      chargeCategory: 'Usage',
    });
    await knex.transaction(async trx => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        // With their allocation keys, as ingestion stores them.
        await trx('finops_itam_cost_facts').insert(
          rows.slice(i, i + INSERT_CHUNK).map(row => ({
            ...row,
            allocation_key: allocationKeyOf(row as any),
          })),
        );
      }
    });
    count += rows.length;
  }
  return count;
}
