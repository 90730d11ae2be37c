import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { SeededRandom } from '../../__testUtils__/SeededRandom';
import {
  ALLOCATION_KEY_COLUMNS,
  allocationKeyOf,
} from '../../database/allocationKey';

/** The fields of a cost fact that allocation tests vary; the rest get fixed values. */
export interface TestFact {
  day: string;
  billingAccountId?: string;
  subAccountId?: string | null;
  serviceName?: string | null;
  serviceCategory?: string | null;
  resourceId?: string | null;
  resourceName?: string | null;
  chargeCategory?: string;
  commitmentDiscountStatus?: string | null;
  tags?: Record<string, string> | null;
  currency?: string;
  billedCost: string;
  effectiveCost?: string;
}

/** Inserts facts straight into the facts table, as an ingestion would have stored them. */
export async function insertFacts(
  knex: Knex,
  facts: readonly TestFact[],
  rowsPerInsert = 200,
) {
  const rows = facts
    .map(f => ({
      source_id: 'test',
      ingestion_id: 'ingestion-1',
      file_key: 'file.csv',
      billing_period_start: `${f.day.slice(0, 7)}-01`,
      day: f.day,
      billing_account_id: f.billingAccountId ?? 'billing-1',
      sub_account_id: f.subAccountId ?? null,
      service_name: f.serviceName ?? 'Amazon EC2',
      service_category: f.serviceCategory ?? 'Compute',
      resource_id: f.resourceId ?? null,
      resource_name: f.resourceName ?? null,
      charge_category: f.chargeCategory ?? 'Usage',
      commitment_discount_status: f.commitmentDiscountStatus ?? null,
      tags: f.tags ? JSON.stringify(f.tags) : null,
      currency: f.currency ?? 'USD',
      billed_cost: f.billedCost,
      effective_cost: f.effectiveCost ?? f.billedCost,
      list_cost: '0',
      contracted_cost: '0',
      consumed_quantity: '1',
      row_count: 1,
    }))
    .map(row => ({ ...row, allocation_key: allocationKeyOf(row) }));
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    await knex('finops_itam_cost_facts').insert(
      rows.slice(i, i + rowsPerInsert),
    );
  }
}

let handAllocated = 0;

/**
 * Allocates the facts matching `where` by hand, as a finished allocation run would have:
 * they get an allocation key of their own, owned by `values`. For tests of readers.
 */
export async function allocateFactsByHand(
  knex: Knex,
  where: Record<string, unknown>,
  values: {
    entityRef?: string | null;
    poolId?: string | null;
    rule?: string | null;
  },
) {
  const fact = await knex('finops_itam_cost_facts').where(where).first();
  if (!fact) throw new Error(`No fact matches ${JSON.stringify(where)}`);
  handAllocated += 1;
  const key = `by-hand-${handAllocated}`;
  await knex('finops_itam_allocation_keys').insert({
    key,
    ...Object.fromEntries(
      ALLOCATION_KEY_COLUMNS.map(column => [column, fact[column]]),
    ),
    allocated_entity_ref: values.entityRef ?? null,
    allocation_rule: values.rule ?? (values.entityRef ? 'tags' : null),
    shared_pool_id: values.poolId ?? null,
    allocated: true,
  });
  await knex('finops_itam_cost_facts')
    .where(where)
    .update({ allocation_key: key, allocated_at: new Date() });
}

/** A catalog entity of the given kind with annotations and spec. */
export function testEntity(
  kind: string,
  name: string,
  options: { annotations?: Record<string, string>; spec?: Entity['spec'] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      annotations: options.annotations ?? {},
    },
    spec: options.spec ?? {},
  };
}

const APPS = ['checkout', 'search', 'payments', 'ledger', 'catalog', 'auth'];
const ENVS = ['prod', 'dev'];
const TEAMS = ['team-a', 'team-b', 'team-c'];
const ACCOUNTS = ['acct-1', 'acct-2', 'acct-3', 'acct-4'];
const CATEGORIES = ['Usage', 'Usage', 'Usage', 'Tax', 'Purchase', 'Credit'];

/** Random facts over `days` days of November 2026 in one or two currencies. */
export function randomFacts(
  random: SeededRandom,
  count: number,
  days = 5,
): TestFact[] {
  const facts: TestFact[] = [];
  for (let i = 0; i < count; i++) {
    const tags: Record<string, string> = {};
    if (random.chance(0.7)) tags.application = random.pick(APPS);
    if (random.chance(0.5)) tags.environment = random.pick(ENVS);
    if (random.chance(0.3)) tags.team = random.pick(TEAMS);
    if (random.chance(0.1)) tags.shared = 'platform';
    const app = random.pick(APPS);
    facts.push({
      day: `2026-11-${String(random.int(1, days)).padStart(2, '0')}`,
      billingAccountId: random.pick(['billing-1', 'billing-2']),
      subAccountId: random.chance(0.8) ? random.pick(ACCOUNTS) : null,
      serviceName: random.pick(['Amazon EC2', 'Amazon S3', 'AWS Support']),
      resourceId: random.chance(0.8)
        ? `arn:aws:ec2:${app}-${random.int(1, 50)}`
        : null,
      resourceName: random.chance(0.5) ? `${app}-vm-${random.int(1, 9)}` : null,
      chargeCategory: random.pick(CATEGORIES),
      tags: Object.keys(tags).length > 0 ? tags : null,
      currency: random.chance(0.85) ? 'USD' : 'EUR',
      billedCost: random.amount(),
      effectiveCost: random.amount(),
    });
  }
  return facts;
}

/** A random catalog: components in systems, owned by groups, with random cost annotations. */
export function randomCatalog(random: SeededRandom): Entity[] {
  const entities: Entity[] = [
    testEntity('Domain', 'commerce'),
    testEntity('Group', 'org'),
    ...TEAMS.map(team =>
      testEntity('Group', team, { spec: { parent: 'org' } }),
    ),
    testEntity('System', 'shop', {
      spec: { domain: 'commerce', owner: 'team-a' },
    }),
    testEntity('System', 'core', {
      spec: { owner: 'team-b' },
      annotations: random.chance(0.5)
        ? { 'finops-itam.io/cost-accounts': random.pick(ACCOUNTS) }
        : {},
    }),
    testEntity('System', 'empty', { spec: { owner: 'team-c' } }),
  ];
  for (const app of APPS) {
    const annotations: Record<string, string> = {};
    if (random.chance(0.6)) {
      annotations['finops-itam.io/cost-tags'] = random.chance(0.5)
        ? `application=${app}`
        : `application=${app},environment=${random.pick(ENVS)}`;
    }
    if (random.chance(0.3)) {
      annotations['finops-itam.io/cost-resources'] = `*${app}-${random.int(
        1,
        5,
      )}*`;
    }
    if (random.chance(0.1)) {
      annotations['finops-itam.io/cost-accounts'] = random.pick(ACCOUNTS);
    }
    if (random.chance(0.1)) {
      annotations['finops-itam.io/cost-tags'] = 'application=';
    }
    entities.push(
      testEntity('Component', app, {
        annotations,
        spec: {
          system: random.pick(['shop', 'core']),
          owner: random.pick(TEAMS),
        },
      }),
    );
  }
  return entities;
}
