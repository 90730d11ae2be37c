import {
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { finopsItamCostSourcesExtensionPoint } from '@finops-itam/plugin-finops-itam-node';
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
        features: [
          finopsItamPlugin,
          mockServices.database.factory({ knex }),
        ],
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

  it('refuses unknown routes with 404 rather than an HTML page', async () => {
    const { server } = await startTestBackend({ features: [finopsItamPlugin] });

    const response = await request(server).get('/api/finops-itam/no-such-thing');

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
            sources.addCostSource({ id: 'Not Kebab', description: 'broken' });
          },
        });
      },
    });

    await expect(
      startTestBackend({ features: [finopsItamPlugin, badModule] }),
    ).rejects.toThrow(/Cost source id "Not Kebab" is not lowercase kebab-case/);
  });
});
