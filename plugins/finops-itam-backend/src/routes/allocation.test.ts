import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startWithFacts } from '../allocation/__testUtils__/startWithFacts';

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
          .get('/api/finops-itam/allocation/coverage?from=2026-11-01&to=2026-12-01&basis=billed')
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
      });
      expect(after.body.byBillingAccount).toEqual([
        expect.objectContaining({ billingAccountId: 'billing-1', currency: 'EUR', total: '3', allocated: '3' }),
        expect.objectContaining({ billingAccountId: 'billing-1', currency: 'USD', unallocated: '0', allocatedPercent: 100 }),
        expect.objectContaining({ billingAccountId: 'billing-2', currency: 'USD', total: '7', allocated: '0', allocatedPercent: 0 }),
      ]);
      await knex.destroy();
    },
  );

  it('needs the ingestion.run permission to run allocation', async () => {
    const server = await startWithFacts(await databases.init('SQLITE_3'), { deny: true });
    const response = await request(server)
      .post('/api/finops-itam/allocation/run')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/finops-itam.ingestion.run/);
  });
});
