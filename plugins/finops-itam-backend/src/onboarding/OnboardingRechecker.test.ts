import { mockServices } from '@backstage/backend-test-utils';
import {
  LicenseProduct,
  OnboardingCheck,
  OnboardingStatus,
} from '@finops-itam/plugin-finops-itam-common';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { migrationConfig } from '../database/migrations';
import { LicenseEngine } from '../feature/hooks';
import { InstanceTypeTable } from '../licenses/instanceTypes';
import { SHIPPED_LICENSE_PRODUCTS } from '../licenses/shippedProducts';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CheckContextBuilder } from './CheckContextBuilder';
import { CheckOutcome } from './checks/types';
import { DatabaseOnboardingStore } from './DatabaseOnboardingStore';
import { KnownRegions } from './KnownRegions';
import { onboardingLicenseHolds } from './licenseHolds';
import { OnboardingNotifier } from './OnboardingNotifier';
import { OnboardingRechecker, PLUGIN_ACTOR } from './OnboardingRechecker';
import { StoredOnboardingRequest } from './OnboardingStore';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-07T10:00:00Z');

const check = (
  id: OnboardingCheck['id'],
  status: OnboardingCheck['status'],
): OnboardingCheck => ({
  id,
  status,
  message: `${id} is ${status}`,
  fix: status === 'pass' ? null : 'fix it',
  details: [],
});

function stored(
  id: string,
  status: OnboardingStatus,
  changes: Partial<StoredOnboardingRequest> = {},
): StoredOnboardingRequest {
  const goLive = changes.goLive ?? '2026-12-01';
  const entityRef = changes.entityRef ?? `component:default/${id}`;
  return {
    id,
    status,
    entityRef,
    owner: 'group:default/team-payments',
    title: `Request ${id}`,
    description: null,
    goLive,
    procurement: 'enterprise-agreement',
    replaces: null,
    input: {
      entityRef,
      owner: 'group:default/team-payments',
      title: `Request ${id}`,
      goLive,
      procurement: 'enterprise-agreement',
      deployments: [
        {
          provider: 'AWS',
          region: 'eu-west-1',
          tenancy: 'shared',
          instanceType: 'm5.xlarge',
          count: 2,
          products: [{ productId: 'rhel', licenseModel: 'byol' }],
        },
      ],
    },
    checks: [check('policy', 'pass'), check('license-availability', 'pass')],
    costEstimate: { totals: [], lines: [], unpriced: 0 },
    reservations: [{ productId: 'rhel', quantity: 2, metric: 'per-instance' }],
    checkedAt: '2026-12-01T00:00:00.000Z',
    requestedBy: 'user:default/alice',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...changes,
  };
}

describe('OnboardingRechecker', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: DatabaseOnboardingStore;
    let sent: NotificationSendOptions[];
    let outcome: CheckOutcome;
    let reservedSeen: Map<string, number>[];

    const rechecker = () => {
      const licenseEngine = (): LicenseEngine =>
        ({
          snapshot: async () => ({
            today: '2026-12-07',
            products: new Map<string, LicenseProduct>(
              SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]),
            ),
            entitlements: [],
            // The position holds what approved requests reserve (a and b, 2 each); the
            // checks read the others' holds from it.
            position: [
              {
                productId: 'rhel',
                reserved: 4,
                reservations: ['a', 'b'].map(requestId => ({
                  requestId,
                  entityRef: `component:default/${requestId}`,
                  quantity: 2,
                })),
              },
            ],
          }),
          instanceTypes: new InstanceTypeTable(),
        } as unknown as LicenseEngine);
      const contexts = new CheckContextBuilder({
        licenseEngine,
        policies: {
          allowedProviders: null,
          allowedRegions: null,
          requiredTags: [],
          blockedProducts: [],
          marketplace: 'allowed',
          requiredTagsByProvider: {},
          approvedMarketplacePublishers: [],
        },
        prices: {
          recentPrices: async () => [],
          licenseIncludedPrices: async () => [],
        },
      });
      return new OnboardingRechecker({
        store,
        contexts,
        runChecks: (_plan, context) => {
          reservedSeen.push(context.reservedByOthers);
          return outcome;
        },
        licenseEngine,
        regions: new KnownRegions(),
        notifier: new OnboardingNotifier({
          notifications: {
            send: async (options: NotificationSendOptions) => {
              sent.push(options);
            },
          },
          logger: mockServices.logger.mock(),
          reviewers: [],
        }),
        reservationDays: 60,
        logger: mockServices.logger.mock(),
        now: () => NOW,
      });
    };

    const history = async (id: string) => (await store.history([id])).get(id)!;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      store = new DatabaseOnboardingStore(knex);
      sent = [];
      reservedSeen = [];
      outcome = {
        checks: [
          check('policy', 'pass'),
          check('license-availability', 'pass'),
        ],
        costEstimate: { totals: [], lines: [], unpriced: 0 },
        reservations: [
          { productId: 'rhel', quantity: 2, metric: 'per-instance' },
        ],
      };
    });

    const filedEntry = {
      at: NOW.toISOString(),
      by: 'user:default/alice',
      action: 'filed' as const,
      detail: 'Filed',
    };

    it('adds a checks-changed entry and notifies when a check’s status moved', async () => {
      await store.create(
        stored('open', 'pending-review', { goLive: '2027-01-10' }),
        filedEntry,
      );
      outcome.checks = [
        check('policy', 'pass'),
        check('license-availability', 'fail'),
      ];

      await rechecker().run();

      const request = await store.get('open');
      expect(request!.checks[1].status).toBe('fail');
      expect(request!.checkedAt).toBe(NOW.toISOString());
      expect((await history('open')).pop()).toEqual({
        at: NOW.toISOString(),
        by: PLUGIN_ACTOR,
        action: 'checks-changed',
        detail: 'license-availability: pass → fail',
      });
      expect(sent).toHaveLength(1);
      expect(sent[0].payload).toMatchObject({
        title: 'Onboarding checks changed: Request open',
        scope: 'finops-itam:onboarding:open',
      });
    });

    it('adds no entry and sends nothing when only messages changed', async () => {
      await store.create(
        stored('same', 'pending-review', { goLive: '2027-01-10' }),
        filedEntry,
      );
      outcome.checks = [
        { ...check('policy', 'pass'), message: 'reworded' },
        check('license-availability', 'pass'),
      ];

      await rechecker().run();

      expect((await store.get('same'))!.checks[0].message).toBe('reworded');
      expect(await history('same')).toHaveLength(1);
      expect(sent).toEqual([]);
    });

    it('counts what other approved requests reserve, never the request itself', async () => {
      await store.create(
        stored('a', 'approved', { goLive: '2027-01-10' }),
        filedEntry,
      );
      await store.create(
        stored('b', 'approved', { goLive: '2027-01-10' }),
        filedEntry,
      );
      await store.create(
        stored('c', 'pending-review', { goLive: '2027-01-10' }),
        filedEntry,
      );
      await store.create(
        stored('d', 'rejected', { goLive: '2027-01-10' }),
        filedEntry,
      );

      await rechecker().recheck();

      // a, b (approved) and c (open) are rechecked; each sees the others' approved holds.
      expect(reservedSeen.map(m => m.get('rhel')).sort()).toEqual([2, 2, 4]);
    });

    it('fulfils an approved request whose workload has cost on or after go-live', async () => {
      await store.create(
        stored('live', 'approved', { goLive: '2026-12-01' }),
        filedEntry,
      );
      await store.create(
        stored('early', 'approved', { goLive: '2026-12-01' }),
        filedEntry,
      );
      const cost = (entity: string, day: string) => ({
        entity_ref: `component:default/${entity}`,
        day,
        currency: 'USD',
        basis: 'amortized',
        direct: '3.2',
        shared: '0',
      });
      await knex('finops_itam_entity_daily_cost').insert([
        cost('live', '2026-12-03'),
        // Cost before go-live is the workload's test run, not the workload.
        cost('early', '2026-11-28'),
      ]);

      await rechecker().settleApproved();

      expect((await store.get('live'))!.status).toBe('fulfilled');
      expect((await history('live')).pop()).toMatchObject({
        by: PLUGIN_ACTOR,
        action: 'fulfilled',
        detail: expect.stringContaining('has cost from 2026-12-03'),
      });
      expect((await store.get('early'))!.status).toBe('approved');
    });

    it('expires an approved request with no cost reservationDays after go-live', async () => {
      await store.create(
        stored('late', 'approved', { goLive: '2026-10-07' }),
        filedEntry,
      );
      await store.create(
        stored('waiting', 'approved', { goLive: '2026-10-08' }),
        filedEntry,
      );

      await rechecker().settleApproved();

      expect((await store.get('late'))!.status).toBe('expired');
      expect((await history('late')).pop()).toMatchObject({
        action: 'expired',
        detail: expect.stringContaining(
          'no cost within 60 days after go-live 2026-10-07',
        ),
      });
      // 2026-10-08 + 60 days is 2026-12-07, today: still held.
      expect((await store.get('waiting'))!.status).toBe('approved');
      expect(sent.map(n => n.payload.title)).toEqual([
        'Onboarding request expired: Request late',
      ]);
    });

    it('offers approved requests’ reservations and the migrations that went live to the license position', async () => {
      await store.create(
        stored('held', 'approved', { goLive: '2027-01-10' }),
        filedEntry,
      );
      await store.create(stored('open', 'pending-review'), filedEntry);
      await store.create(
        stored('migrated', 'fulfilled', {
          goLive: '2026-12-01',
          replaces: 'component:default/old-billing',
        }),
        filedEntry,
      );
      await store.create(
        stored('future', 'approved', {
          goLive: '2027-01-10',
          replaces: 'component:default/old-search',
        }),
        filedEntry,
      );
      const holds = onboardingLicenseHolds(store, () => NOW);

      expect(
        (await holds.reservations()).sort((x, y) =>
          x.requestId.localeCompare(y.requestId),
        ),
      ).toEqual([
        {
          requestId: 'future',
          entityRef: 'component:default/future',
          productId: 'rhel',
          quantity: 2,
        },
        {
          requestId: 'held',
          entityRef: 'component:default/held',
          productId: 'rhel',
          quantity: 2,
        },
      ]);
      expect(await holds.completedMigrations()).toEqual([
        {
          requestId: 'migrated',
          replaces: 'component:default/old-billing',
          entityRef: 'component:default/migrated',
          goLive: '2026-12-01',
        },
      ]);
    });
  });
});
