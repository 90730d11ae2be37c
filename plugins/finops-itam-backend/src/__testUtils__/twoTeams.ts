/* eslint-disable @typescript-eslint/no-explicit-any -- the permissions mock takes the service's loosely typed arguments */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  finopsItamCostConditionalDecision,
  finopsItamCostConditions,
  finopsItamCostReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { TestFact, testEntity } from '../allocation/__testUtils__/facts';

/** A member of team A, whose cost access the owner rule limits to what team A owns. */
export const ALICE = 'user:default/alice';
/** A FinOps analyst the policy lets read every entity's cost. */
export const ANALYST = 'user:default/analyst';
/** A member of team C, which owns only its own search Component, under the same owner rule. */
export const CAROL = 'user:default/carol';
/** Each owner-ruled user's ownership claims, as sign-in resolves them. */
const CLAIMS: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/team-a'],
  [CAROL]: [CAROL, 'group:default/team-c'],
};

/**
 * Team B's money is at least this much in every amount it reaches; team A's entities cost
 * a few dollars. So any amount this large in an answer to Alice is team B's money, alone or
 * inside a total.
 */
export const TEAM_B_MONEY_FLOOR = 100_000;

/** A product vault declares it runs, whose entitlement cost it shares. */
const VAULT_PRODUCT = 'microsoft-sql-server-enterprise';

function entity(
  kind: string,
  name: string,
  options: {
    owner?: string;
    system?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  const relations = [];
  if (options.owner) {
    relations.push({
      type: 'ownedBy',
      targetRef: `group:default/${options.owner}`,
    });
  }
  if (options.system) {
    relations.push({
      type: 'partOf',
      targetRef: `system:default/${options.system}`,
    });
  }
  return {
    ...testEntity(kind, name, {
      annotations: options.annotations,
      spec: {
        ...(options.owner ? { owner: options.owner } : {}),
        ...(options.system ? { system: options.system } : {}),
      },
    }),
    relations,
  };
}

/**
 * Two teams and one System both use: team A owns the shop System and its checkout
 * Component; team B owns ledger (a Component of the shop too) and vault (its own). Team A
 * also owns the storefront System of its storefront-web Component only; team C owns search.
 */
export const twoTeamsCatalog: Entity[] = [
  entity('Group', 'team-a', {
    annotations: { 'finops-itam.io/cost-center': 'CC-A' },
  }),
  entity('Group', 'team-b', {
    annotations: { 'finops-itam.io/cost-center': 'CC-B' },
  }),
  entity('Group', 'team-c', {
    annotations: { 'finops-itam.io/cost-center': 'CC-C' },
  }),
  entity('System', 'shop', { owner: 'team-a' }),
  entity('Component', 'checkout', {
    owner: 'team-a',
    system: 'shop',
    annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
  }),
  entity('Component', 'ledger', {
    owner: 'team-b',
    system: 'shop',
    annotations: { 'finops-itam.io/cost-tags': 'application=ledger' },
  }),
  entity('Component', 'vault', {
    owner: 'team-b',
    annotations: {
      'finops-itam.io/cost-tags': 'application=vault',
      'finops-itam.io/licenses': `${VAULT_PRODUCT}=8`,
    },
  }),
  // Team A's own System: every member is team A's, so its owners may read its total.
  entity('System', 'storefront', { owner: 'team-a' }),
  entity('Component', 'storefront-web', {
    owner: 'team-a',
    system: 'storefront',
    annotations: { 'finops-itam.io/cost-tags': 'application=storefront' },
  }),
  // Team C shares nothing: its team total is its own money only.
  entity('Component', 'search', {
    owner: 'team-c',
    annotations: { 'finops-itam.io/cost-tags': 'application=search' },
  }),
];

/**
 * November 2026: checkout costs 12.5, storefront-web 7.5, search 3, ledger 200000 and vault
 * 300000; an untagged vault-backup resource (named after team B's vault) 400000 that
 * allocation cannot place.
 */
export function twoTeamsFacts(): TestFact[] {
  const facts: TestFact[] = [];
  for (const day of ['2026-11-02', '2026-11-03']) {
    facts.push(
      { day, tags: { application: 'checkout' }, billedCost: '6.25' },
      { day, tags: { application: 'storefront' }, billedCost: '3.75' },
      { day, tags: { application: 'search' }, billedCost: '1.5' },
      { day, tags: { application: 'ledger' }, billedCost: '100000' },
      { day, tags: { application: 'vault' }, billedCost: '150000' },
      {
        day,
        resourceId: 'vault-backup',
        resourceName: 'vault-backup',
        billedCost: '200000',
      },
    );
  }
  return facts;
}

/**
 * Vault's share of an entitlement's cost on the first day of the latest full month (the
 * month `GET /entities/.../licenses` reports), as the license cost task stores it.
 */
export function vaultLicenseCostRow(now = new Date()) {
  const month = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1),
  );
  return {
    entitlement_id: 'sql-enterprise-agreement',
    product_id: VAULT_PRODUCT,
    entity_ref: 'component:default/vault',
    day: month.toISOString().slice(0, 10),
    currency: 'USD',
    amount: '150000',
    shelfware: false,
  };
}

/**
 * A cost spike of team B's vault, as anomaly detection stores it (a row rather than a
 * detection run, which needs two months of history): its amounts are team B's money.
 */
export function teamBAnomalyRow() {
  return {
    ...anomalyRow('vault-spike', 'component:default/vault', 'team-b'),
    actual: '150000',
    expected: '120000',
    impact: '30000',
    total_impact: '130000',
  };
}

/** A cost spike of team A's checkout, a few dollars. */
export function teamAAnomalyRow() {
  return {
    ...anomalyRow('checkout-spike', 'component:default/checkout', 'team-a'),
    actual: '6.25',
    expected: '5',
    impact: '1.25',
    total_impact: '1.25',
  };
}

/**
 * A cost spike of the shop System, which team A owns: its amounts include ledger's, team
 * B's money.
 */
export function sharedSystemAnomalyRow() {
  return {
    ...anomalyRow('shop-spike', 'system:default/shop', 'team-a'),
    actual: '100006.25',
    expected: '80005',
    impact: '20001.25',
    total_impact: '20001.25',
  };
}

function anomalyRow(id: string, entityRef: string, team: string) {
  return {
    id,
    kind: 'cost-increase',
    entity_ref: entityRef,
    owner: `group:default/${team}`,
    product_id: null,
    date: '2026-11-03',
    last_date: '2026-11-03',
    currency: 'USD',
    score: 4.2,
    detail: 'cost above its baseline',
    drivers: '[]',
    status: 'open',
    resolution: null,
    note: null,
    detected_at: new Date('2026-11-04T06:00:00Z'),
    notified_at: null,
  };
}

/**
 * The catalog conditions "the entity is one of these Groups": `IS_ENTITY_OWNER` never
 * matches a Group (groups have no owner), so a policy that lets a team read its own team
 * total allows its Group entity by kind, namespace and name.
 */
function isOneOfGroups(
  claims: string[],
): PermissionCriteria<PermissionCondition<'catalog-entity'>>[] {
  return claims
    .map(claim => parseEntityRef(claim))
    .filter(ref => ref.kind.toLocaleLowerCase('en-US') === 'group')
    .map(ref => ({
      allOf: [
        finopsItamCostConditions.isEntityKind({ kinds: ['Group'] }),
        hasMetadata('namespace', ref.namespace),
        hasMetadata('name', ref.name),
      ],
    }));
}

function hasMetadata(
  key: string,
  value: string,
): PermissionCondition<'catalog-entity'> {
  return {
    rule: 'HAS_METADATA',
    resourceType: 'catalog-entity',
    params: { key, value },
  };
}

/**
 * The owner rule: Alice and Carol hold every permission, but `finops-itam.cost.read` only on
 * what they or their team own and on their team's Group (a conditional decision, as the
 * documented policy answers); the analyst and service principals hold everything. Both
 * `authorize` and `authorizeConditional` answer what a permission backend would hand a
 * plugin.
 */
export function ownerRulePermissions() {
  const decide = (request: any, options: any): PolicyDecision => {
    const principal = options.credentials.principal;
    const claims =
      principal.type === 'user' ? CLAIMS[principal.userEntityRef] : undefined;
    if (
      claims &&
      request.permission.name === finopsItamCostReadPermission.name
    ) {
      return finopsItamCostConditionalDecision({
        anyOf: [
          finopsItamCostConditions.isEntityOwner({ claims }),
          ...isOneOfGroups(claims),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  };
  return mockServices.permissions.mock({
    authorize: (async (requests: any[], options: any) =>
      requests.map(r => decide(r, options))) as any,
    authorizeConditional: (async (requests: any[], options: any) =>
      requests.map(r => decide(r, options))) as any,
  });
}

/** Every amount in an answer: numbers and decimal strings of JSON, cells of CSV. */
export function amountsIn(contentType: string, text: string): number[] {
  const amounts: number[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'number') {
      amounts.push(value);
    } else if (typeof value === 'string') {
      if (/^-?\d+(\.\d+)?$/.test(value)) amounts.push(Number(value));
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  if (contentType.includes('json')) {
    visit(JSON.parse(text));
  } else {
    text
      .split(/[\r\n,]+/)
      .map(cell => cell.replace(/^"|"$/g, ''))
      .forEach(visit);
  }
  return amounts;
}

/** Whether an answer carries team B's money (see {@link TEAM_B_MONEY_FLOOR}). */
export function showsTeamBMoney(contentType: string, text: string): boolean {
  return amountsIn(contentType, text).some(
    amount => Math.abs(amount) >= TEAM_B_MONEY_FLOOR,
  );
}
