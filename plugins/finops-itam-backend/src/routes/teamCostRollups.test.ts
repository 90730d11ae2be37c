import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  finopsItamCostConditionalDecision,
  finopsItamCostConditions,
} from '@finops-itam/plugin-finops-itam-common';
import express from 'express';
import request from 'supertest';
import { createRequirePermission } from '../permissions';
import { createTeamCostRoutes } from './teamCost';

/** A Component or System owned by `owner`; Groups have no owner. */
function entity(kind: string, name: string, owner?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    relations: owner
      ? [{ type: 'ownedBy', targetRef: `group:default/${owner}` }]
      : [],
  };
}

/**
 * Team A's member under an owner rule that also allows team A's Group. The catalog gave
 * team A the billing System (with team B's invoices in it) after the last allocation run:
 * the stored closure of team A does not hold billing yet, while the team answer lists
 * billing with its rollup, invoices included.
 */
function app(listed: string[]) {
  const catalog = [
    entity('Group', 'team-a'),
    entity('Component', 'checkout', 'team-a'),
    entity('System', 'billing', 'team-a'),
    entity('Component', 'invoices', 'team-b'),
  ];
  const closure: Record<string, string[]> = {
    'group:default/team-a': [
      'group:default/team-a',
      'component:default/checkout',
    ],
    'system:default/billing': [
      'system:default/billing',
      'component:default/invoices',
    ],
  };
  const policy = finopsItamCostConditionalDecision({
    anyOf: [
      finopsItamCostConditions.isEntityOwner({
        claims: ['group:default/team-a'],
      }),
      {
        allOf: [
          finopsItamCostConditions.isEntityKind({ kinds: ['Group'] }),
          {
            rule: 'HAS_METADATA',
            resourceType: 'catalog-entity',
            params: { key: 'name', value: 'team-a' },
          },
        ],
      },
    ],
  });
  const permissions = mockServices.permissions.mock({
    authorize: (async (requests: unknown[]) =>
      requests.map(() => policy)) as any,
    authorizeConditional: (async () => [policy]) as any,
  });
  const requirePermission = createRequirePermission({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user('user:default/alice'),
    }),
    permissions,
    catalog: catalogServiceMock({ entities: catalog }),
    auth: mockServices.auth(),
    rollupMembersOf: async ref => closure[ref] ?? [],
  });
  const teamCosts = {
    teamCost: jest.fn(async () => ({
      groupRef: 'group:default/team-a',
      entities: listed.map(entityRef => ({ entityRef })),
    })),
  };
  return express()
    .use(
      createTeamCostRoutes({ teamCosts: teamCosts as any, requirePermission }),
    )
    .use(mockErrorHandler());
}

describe('GET /teams/:namespace/:name/cost under an owner rule', () => {
  const url = '/teams/default/team-a/cost?from=2026-11-01&to=2026-12-01';

  it("answers a team member when the group and every listed entity's rollup are the team's", async () => {
    const response = await request(app(['component:default/checkout'])).get(
      url,
    );
    expect(response.status).toBe(200);
    expect(response.body.groupRef).toBe('group:default/team-a');
  });

  it("refuses a listed System whose rollup holds another team's entity, though the group's stored rollup does not", async () => {
    const response = await request(
      app(['component:default/checkout', 'system:default/billing']),
    ).get(url);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      "You don't have access to the cost of group:default/team-a: it includes the cost " +
        'of 1 entity whose cost you may not read',
    );
  });
});
