import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startWithMetrics } from './metrics/__testUtils__/startWithMetrics';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

describe('the plugin router', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'accepts a metric upload over the 100 kB the default JSON parser allows, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startWithMetrics(knex);
      // 3,000 entity-days of about 80 bytes each: some 240 kB of JSON.
      const values = Array.from({ length: 3_000 }, (_, i) => ({
        entityRef: 'component:default/checkout',
        date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
        value: String(i),
      }));

      const response = await request(server)
        .put('/api/finops-itam/metrics/orders')
        .set('Authorization', mockCredentials.service.header())
        .send({ values });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ name: 'orders', accepted: 3_000 });
    },
  );
});
