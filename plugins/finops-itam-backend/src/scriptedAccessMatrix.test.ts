// The real auth, HTTP auth and permissions services read the static token and its
// restrictions as a deployment does.
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { finopsItamPermissions } from '@finops-itam/plugin-finops-itam-common';
import Router from 'express-promise-router';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  OPEN_OPERATIONS,
  Operation,
  SAMPLE_BODIES,
  operations,
} from './__testUtils__/contractOperations';
import {
  SCRIPT_TOKEN,
  scriptedAccessConfig,
  scriptedGrants,
} from './__testUtils__/scriptedAccess';
import { recordingNotifications } from './__testUtils__/testServices';
import { finopsItamPlugin } from './plugin';

jest.setTimeout(60_000);

/**
 * The scripted token of issue 18: the backend runs with `app-config.scripted-access.yaml`
 * as `npm start` loads it (the real auth, HTTP auth and permissions services, permissions
 * enabled), and a request with the token reaches exactly what the file grants. The expected
 * answer of every operation is derived from the file's `accessRestrictions` and the
 * permission the contract says the operation needs, so changing the file changes the test.
 */

/** Another plugin beside finops-itam, to show where the token does not reach. */
const OTHER_PLUGIN = 'other-plugin';
const otherPlugin = createBackendPlugin({
  pluginId: OTHER_PLUGIN,
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.get('/hello', (_req, res) => {
          res.json({ hello: 'world' });
        });
        httpRouter.use(router);
      },
    });
  },
});

const byName = new Map(finopsItamPermissions.map(p => [p.name, p]));

describe('the scripted token', () => {
  const config = scriptedAccessConfig();
  const grants = scriptedGrants(config);
  let server: Server;

  beforeAll(async () => {
    const scheduler = mockServices.scheduler.mock();
    scheduler.triggerTask.mockResolvedValue(undefined);
    ({ server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        otherPlugin,
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        recordingNotifications().factory,
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            permission: { enabled: true },
          },
        }),
      ],
    }));
  });

  const call = (operation: Operation, token: string) => {
    let pending = request(server)
      [operation.method](`/api/finops-itam${operation.path}`)
      .query(operation.requiredQuery)
      .set('Authorization', `Bearer ${token}`);
    if (operation.hasBody) {
      pending = pending.send(SAMPLE_BODIES[operation.id] as object);
    }
    return pending;
  };

  it('answers every finops-itam operation exactly as the file grants its permissions', async () => {
    const wrong: string[] = [];
    const all = operations().filter(op => !(op.id in OPEN_OPERATIONS));
    expect(all.length).toBeGreaterThan(40);
    for (const operation of all) {
      const granted =
        grants.reachesPlugin('finops-itam') &&
        operation.needs!.every(name =>
          grants.grants('finops-itam', byName.get(name)!),
        );
      const response = await call(operation, SCRIPT_TOKEN);
      const refused = response.status === 401 || response.status === 403;
      if (refused === granted) {
        wrong.push(
          `${operation.id}: ${response.status} ${JSON.stringify(
            response.body?.error?.message ?? '',
          )}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reaches another plugin only if the file lets it', async () => {
    const response = await request(server)
      .get(`/api/${OTHER_PLUGIN}/hello`)
      .set('Authorization', `Bearer ${SCRIPT_TOKEN}`);
    expect({ status: response.status }).toEqual({
      status: grants.reachesPlugin(OTHER_PLUGIN) ? 200 : 403,
    });
  });

  it('refuses every finops-itam operation to any other token', async () => {
    const answered: string[] = [];
    for (const operation of operations().filter(
      op => !(op.id in OPEN_OPERATIONS),
    )) {
      const response = await call(operation, `${SCRIPT_TOKEN}-not`);
      if (response.status !== 401) {
        answered.push(`${operation.id}: ${response.status}`);
      }
    }
    expect(answered).toEqual([]);
  });
});
