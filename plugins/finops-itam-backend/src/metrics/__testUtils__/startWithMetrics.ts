import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import { testEntity } from '../../allocation/__testUtils__/facts';
import { finopsItamPlugin } from '../../plugin';

/** An entity as the catalog serves it: spec.owner also resolved into an ownedBy relation. */
export function ownedEntity(
  kind: string,
  name: string,
  owner: string,
  options: {
    annotations?: Record<string, string>;
    spec?: Entity['spec'];
    title?: string;
  } = {},
): Entity {
  const entity = testEntity(kind, name, {
    annotations: options.annotations,
    spec: { owner, ...options.spec },
  });
  if (options.title) {
    entity.metadata.title = options.title;
  }
  entity.relations = [{ type: 'ownedBy', targetRef: `group:default/${owner}` }];
  return entity;
}

/** The shop team's catalog: a system, three components, a resource, and another team's service. */
export const shopEntities: Entity[] = [
  testEntity('Group', 'team-shop'),
  testEntity('Group', 'team-other'),
  ownedEntity('System', 'shop', 'team-shop'),
  ownedEntity('Component', 'checkout', 'team-shop', {
    title: 'Checkout',
    annotations: {
      'finops-itam.io/cost-tags': 'application=checkout',
      'finops-itam.io/unit-metric': 'orders',
    },
    spec: { system: 'shop' },
  }),
  ownedEntity('Component', 'search', 'team-shop', {
    annotations: {
      'finops-itam.io/cost-resources': 'search-*',
      'finops-itam.io/unit-metric': 'searches',
    },
    spec: { system: 'shop' },
  }),
  ownedEntity('Component', 'quiet', 'team-shop'),
  ownedEntity('Resource', 'orders-db', 'team-shop', {
    annotations: { 'finops-itam.io/cost-resources': 'orders-db*' },
  }),
  ownedEntity('Component', 'elsewhere', 'team-other', {
    annotations: { 'finops-itam.io/cost-tags': 'application=elsewhere' },
  }),
];

/** The whole plugin over `knex` and the shop catalog, with an auditor whose events can be inspected. */
export async function startWithMetrics(
  knex: Knex,
  options: { deny?: boolean; entities?: Entity[] } = {},
): Promise<{
  server: Server;
  auditor: ReturnType<typeof mockServices.auditor.mock>;
  event: { success: jest.Mock; fail: jest.Mock };
}> {
  const auditor = mockServices.auditor.mock();
  const event = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(event as any);
  const { server } = await startTestBackend({
    features: [
      finopsItamPlugin,
      auditor.factory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: options.entities ?? shopEntities,
      }),
      mockServices.rootConfig.factory({ data: { finopsItam: {} } }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { server, auditor, event };
}
