import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startWithFacts } from '../allocation/__testUtils__/startWithFacts';
import { insertFacts, testEntity } from '../allocation/__testUtils__/facts';
import { finopsItamPlugin } from '../plugin';

jest.setTimeout(60_000);

describe('allocation routes', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'reports coverage overall and per billing account, before and after a run, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startWithFacts(knex);
      const get = () =>
        request(server)
          .get(
            '/api/finops-itam/allocation/coverage?from=2026-11-01&to=2026-12-01&basis=billed',
          )
          .set('Authorization', mockCredentials.user.header());

      const before = await get();
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        currency: 'USD',
        total: '23.1100000000000001',
        allocated: '0',
        allocatedPercent: 0,
        allocation: { state: 'never-run' },
      });

      await request(server)
        .post('/api/finops-itam/allocation/run')
        .set('Authorization', mockCredentials.service.header())
        .expect(200);

      const after = await get();
      expect(after.body).toMatchObject({
        from: '2026-11-01',
        to: '2026-12-01',
        basis: 'billed',
        currency: 'USD',
        total: '23.1100000000000001',
        allocated: '16.1100000000000001',
        unallocated: '7',
        allocatedPercent: 69.71,
        otherCurrencies: [{ currency: 'EUR', total: '3' }],
        allocation: { state: 'current' },
        conflictCount: 0,
      });
      expect(after.body.byBillingAccount).toEqual([
        expect.objectContaining({
          billingAccountId: 'billing-1',
          currency: 'EUR',
          total: '3',
          allocated: '3',
        }),
        expect.objectContaining({
          billingAccountId: 'billing-1',
          currency: 'USD',
          unallocated: '0',
          allocatedPercent: 100,
        }),
        expect.objectContaining({
          billingAccountId: 'billing-2',
          currency: 'USD',
          total: '7',
          allocated: '0',
          allocatedPercent: 0,
        }),
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists rule conflicts and counts them in coverage on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tagged = (name: string) =>
        testEntity('Component', name, {
          annotations: { 'finops-itam.io/cost-tags': 'application=shop' },
        });
      const { server } = await startTestBackend({
        features: [
          finopsItamPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: [tagged('web'), tagged('api')],
          }),
          mockServices.rootConfig.factory({ data: {} }),
        ],
      });
      await insertFacts(knex, [
        {
          day: '2026-11-01',
          resourceId: 'i-1',
          tags: { application: 'shop' },
          billedCost: '1',
        },
        {
          day: '2026-11-02',
          resourceId: 'i-1',
          tags: { application: 'shop' },
          billedCost: '1',
        },
      ]);
      await request(server)
        .post('/api/finops-itam/allocation/run')
        .set('Authorization', mockCredentials.service.header())
        .expect(200);

      const conflicts = await request(server)
        .get('/api/finops-itam/allocation/conflicts')
        .set('Authorization', mockCredentials.user.header());
      expect(conflicts.status).toBe(200);
      expect(conflicts.body).toEqual({
        conflicts: [
          {
            resourceId: 'i-1',
            resourceName: null,
            rule: 'tags',
            winner: expect.stringMatching(/^component:default\/(api|web)$/),
            candidates: ['component:default/api', 'component:default/web'],
            factCount: 2,
          },
        ],
        total: 1,
      });
      const coverage = await request(server)
        .get(
          '/api/finops-itam/allocation/coverage?from=2026-11-01&to=2026-12-01',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(coverage.body.conflictCount).toBe(1);

      for (const bad of ['0', '1001', 'x', '1.5']) {
        const response = await request(server)
          .get(`/api/finops-itam/allocation/conflicts?limit=${bad}`)
          .set('Authorization', mockCredentials.user.header());
        expect(response.status).toBe(400);
      }
      await knex.destroy();
    },
  );

  it('needs the read permission to list conflicts', async () => {
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        catalogServiceMock.factory({ entities: [] }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const response = await request(server)
      .get('/api/finops-itam/allocation/conflicts')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/finops-itam.read/);
  });

  it('needs the ingestion.run permission to run allocation', async () => {
    const server = await startWithFacts(await databases.init('SQLITE_3'), {
      deny: true,
    });
    const response = await request(server)
      .post('/api/finops-itam/allocation/run')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/finops-itam.ingestion.run/);
  });
});
