import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { finopsItamCostSourcesExtensionPoint } from '@finops-itam/plugin-finops-itam-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { finopsItamPlugin } from './plugin';
import { createTestDatabases } from './__testUtils__/testDatabases';

describe('finops-itam backend plugin', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'runs its migrations at start and answers /health without credentials on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [finopsItamPlugin, mockServices.database.factory({ knex })],
      });

      const response = await request(server).get('/api/finops-itam/health');

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        status: 'ok',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        database: databaseId.startsWith('POSTGRES') ? 'postgres' : 'sqlite',
      });
      expect(await knex.schema.hasTable('finops_itam_ingestions')).toBe(true);
    },
  );

  it('serves chargeback and unallocated reports through the plugin', async () => {
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        catalogServiceMock.factory({ entities: [] }),
      ],
    });

    const chargeback = await request(server)
      .get('/api/finops-itam/chargeback?month=2026-10&format=json')
      .set('Authorization', mockCredentials.user.header());
    const unallocated = await request(server)
      .get(
        '/api/finops-itam/allocation/unallocated?from=2026-10-01&to=2026-11-01',
      )
      .set('Authorization', mockCredentials.user.header());

    expect(chargeback.status).toBe(200);
    expect(chargeback.body.lines).toEqual([
      expect.objectContaining({ costCenter: 'UNASSIGNED', total: '0' }),
    ]);
    expect(unallocated.status).toBe(200);
    expect(unallocated.body).toMatchObject({ total: '0', resources: [] });
  });

  it('refuses unknown routes with 404 rather than an HTML page', async () => {
    const { server } = await startTestBackend({ features: [finopsItamPlugin] });

    const response = await request(server).get(
      '/api/finops-itam/no-such-thing',
    );

    expect(response.status).toBe(404);
  });

  it('fails to start when a module registers an invalid cost source id', async () => {
    const badModule = createBackendModule({
      pluginId: 'finops-itam',
      moduleId: 'bad-source',
      register(env) {
        env.registerInit({
          deps: { sources: finopsItamCostSourcesExtensionPoint },
          async init({ sources }) {
            sources.addCostSource({
              id: 'Not Kebab',
              description: 'broken',
              read: async () => ({ deliveries: [] }),
            });
          },
        });
      },
    });

    await expect(
      startTestBackend({ features: [finopsItamPlugin, badModule] }),
    ).rejects.toThrow(/Cost source id "Not Kebab" is not lowercase kebab-case/);
  });
});
