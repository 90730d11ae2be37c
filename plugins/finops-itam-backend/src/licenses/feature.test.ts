import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { migrationConfig } from '../database/migrations';
import { FinopsItamCoreServices } from '../feature/FinopsItamFeature';
import {
  FinopsItamHooks,
  LicenseReservation,
  createFinopsItamHooks,
} from '../feature/hooks';
import { FinopsItamStores } from '../feature/stores';
import { createRequirePermission } from '../permissions';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseLicenseStore } from './DatabaseLicenseStore';
import { DatabaseLicensedFactStore } from './DatabaseLicensedFactStore';
import { createLicensesFeature } from './feature';
import { LICENSE_COST_TASK_ID } from './licenseTasks';

jest.setTimeout(60_000);

const RHEL_ENTITLEMENT = {
  id: 'rh-1',
  productId: 'rhel',
  quantity: 2,
  cost: { amount: '799', currency: 'USD', per: 'unit' },
  termStart: '2026-01-01',
  termEnd: '2099-12-31',
  owner: 'group:default/team-platform',
};

/** The licenses feature on a test database, mounted alone, with the hooks other features use. */
async function startFeature(knex: Knex, hooks: FinopsItamHooks) {
  const scheduler = mockServices.scheduler.mock();
  scheduler.triggerTask.mockResolvedValue(undefined);
  const auditor = mockServices.auditor.mock();
  auditor.createEvent.mockResolvedValue({
    success: jest.fn(),
    fail: jest.fn(),
  });
  const core: FinopsItamCoreServices = {
    config: mockServices.rootConfig({ data: {} }),
    logger: mockServices.logger.mock(),
    scheduler,
    auditor,
    auth: mockServices.auth(),
    catalog: catalogServiceMock({ entities: [] }),
    // Licenses notify nobody.
    notifications: { send: jest.fn() },
    // The licenses feature reads only its own two stores.
    stores: {
      licenses: new DatabaseLicenseStore(knex),
      licensedFacts: new DatabaseLicensedFactStore(knex),
    } as Partial<FinopsItamStores> as FinopsItamStores,
    requirePermission: createRequirePermission({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
    }),
    // No entitlement or seat sources are configured, so no file is ever fetched.
    fileFetcher: {} as SourceFileFetcher,
    contributedCostSources: [],
    hooks,
  };
  const feature = await createLicensesFeature(core);
  const router = express.Router();
  for (const routes of feature.routes ?? []) routes.mount(router);
  const server = express()
    .use(express.json())
    .use(router)
    .use(mockErrorHandler());
  return { server, scheduler };
}

const user = mockCredentials.user.header();

describe('the licenses feature', () => {
  const databases = createTestDatabases();

  it('offers the license engine and announces every license write', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const hooks = createFinopsItamHooks();
    const { server, scheduler } = await startFeature(knex, hooks);
    const announced = jest.fn();
    hooks.licensesChanged.on(announced);

    const put = await request(server)
      .put('/licenses/entitlements')
      .set('Authorization', user)
      .send([RHEL_ENTITLEMENT]);
    expect(put.status).toBe(200);
    expect(announced).toHaveBeenCalledTimes(1);
    expect(scheduler.triggerTask).toHaveBeenCalledWith(LICENSE_COST_TASK_ID);

    const seats = await request(server)
      .put('/licenses/seats/saas-observability-seat')
      .set('Authorization', user)
      .send({ seats: [{ user: 'alice@example.com' }] });
    expect(seats.status).toBe(200);
    expect(announced).toHaveBeenCalledTimes(2);

    // A rejected write changed nothing: nobody is told.
    const bad = await request(server)
      .put('/licenses/entitlements')
      .set('Authorization', user)
      .send([{ ...RHEL_ENTITLEMENT, quantity: -1 }]);
    expect(bad.status).toBe(400);
    expect(announced).toHaveBeenCalledTimes(2);

    // Onboarding checks count with the same snapshot and instance facts.
    const engine = hooks.licenseEngine.get();
    const snapshot = await engine.snapshot();
    expect(
      snapshot.position.map(p => [p.productId, p.entitled, p.required]),
    ).toEqual([
      ['rhel', 2, 0],
      ['saas-observability-seat', 0, 1],
    ]);
    expect(engine.instanceTypes.vcpusOf('m5.2xlarge')).toBe(8);
    await knex.destroy();
  });

  it('shows what onboarding reserves, and reserves nothing while no onboarding feature offers holds', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest(migrationConfig);
    const hooks = createFinopsItamHooks();
    const { server } = await startFeature(knex, hooks);
    await request(server)
      .put('/licenses/entitlements')
      .set('Authorization', user)
      .send([RHEL_ENTITLEMENT]);

    const alone = await request(server)
      .get('/licenses/position')
      .set('Authorization', user);
    expect(alone.status).toBe(200);
    expect(alone.body).toEqual([
      expect.objectContaining({ productId: 'rhel', position: 2 }),
    ]);
    const reharvest = await request(server)
      .get('/licenses/reharvest')
      .set('Authorization', user);
    expect(reharvest.body).toEqual({ candidates: [] });

    // The onboarding feature is created after licenses: the holds are found when read.
    const reservations: LicenseReservation[] = [
      {
        requestId: 'req-1',
        entityRef: 'component:default/new-billing',
        productId: 'rhel',
        quantity: 3,
      },
    ];
    hooks.onboardingLicenseHolds.offer({
      reservations: async () => reservations,
      completedMigrations: async () => [],
    });
    const held = await request(server)
      .get('/licenses/position')
      .set('Authorization', user);
    expect(held.body).toEqual([
      expect.objectContaining({
        productId: 'rhel',
        reserved: 3,
        position: -1,
        status: 'shortage',
      }),
    ]);
    await knex.destroy();
  });
});
