import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import { finopsItamPlugin } from '../../plugin';
import { insertFacts, testEntity } from './facts';

const entities = [
  testEntity('Group', 'team-a'),
  testEntity('System', 'shop', { spec: { owner: 'team-a' } }),
  testEntity('Component', 'checkout', {
    annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
    spec: { system: 'shop', owner: 'team-a' },
  }),
  testEntity('Component', 'search', {
    annotations: { 'finops-itam.io/cost-resources': 'search-*' },
    spec: { system: 'shop', owner: 'team-a' },
  }),
  testEntity('Component', 'orphan', { spec: { owner: 'team-a' } }),
];

const sharedCostPools = [
  {
    id: 'support',
    mode: 'showback',
    rows: { services: ['AWS Support'] },
    targets: { allComponentsOf: 'system:default/shop' },
    method: 'even',
  },
];

/** The whole plugin over a small catalog and a handful of facts, not yet allocated. */
export async function startWithFacts(
  knex: Knex,
  options: { deny?: boolean } = {},
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      finopsItamPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { finopsItam: { sharedCostPools } },
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  await insertFacts(knex, [
    {
      day: '2026-11-01',
      tags: { application: 'checkout' },
      billedCost: '10.10',
      effectiveCost: '9.5',
    },
    {
      day: '2026-11-02',
      tags: { application: 'checkout' },
      serviceName: 'Amazon S3',
      serviceCategory: 'Storage',
      billedCost: '1.0000000000000001',
    },
    { day: '2026-11-02', resourceName: 'search-db', billedCost: '5' },
    {
      day: '2026-11-02',
      tags: { application: 'checkout' },
      currency: 'EUR',
      billedCost: '3',
    },
    {
      day: '2026-11-01',
      serviceName: 'AWS Support',
      chargeCategory: 'Usage',
      billedCost: '0.01',
    },
    { day: '2026-11-01', billingAccountId: 'billing-2', billedCost: '7' },
    { day: '2026-12-01', tags: { application: 'checkout' }, billedCost: '100' },
  ]);
  return server;
}
