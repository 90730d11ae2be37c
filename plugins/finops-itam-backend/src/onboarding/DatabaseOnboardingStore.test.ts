import { Knex } from 'knex';
import { migrationConfig } from '../database/migrations';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseOnboardingStore } from './DatabaseOnboardingStore';
import {
  OnboardingHistoryRecord,
  StoredOnboardingRequest,
} from './OnboardingStore';

jest.setTimeout(60_000);

const request: StoredOnboardingRequest = {
  id: 'r-1',
  status: 'pending-review',
  entityRef: 'component:default/new-billing',
  owner: 'group:default/team-payments',
  title: 'New billing service',
  description: 'Replaces the old billing',
  goLive: '2027-02-01',
  procurement: 'marketplace',
  replaces: 'component:default/old-billing',
  input: {
    entityRef: 'component:default/new-billing',
    owner: 'group:default/team-payments',
    title: 'New billing service',
    goLive: '2027-02-01',
    procurement: 'marketplace',
    deployments: [],
    saas: [{ productId: 'saas-observability-seat', seats: 12 }],
    estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
  },
  checks: [
    {
      id: 'policy',
      status: 'warn',
      message: 'Marketplace needs approval',
      fix: 'Ask',
      details: ['x'],
    },
  ],
  costEstimate: {
    totals: [{ amount: '123.456', currency: 'EUR' }],
    lines: [],
    unpriced: 1,
  },
  reservations: [
    { productId: 'saas-observability-seat', quantity: 12, metric: 'per-user' },
  ],
  checkedAt: '2026-12-07T10:00:00.000Z',
  requestedBy: 'user:default/alice',
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
};

const filed: OnboardingHistoryRecord = {
  at: '2026-12-07T10:00:00.000Z',
  by: 'user:default/alice',
  action: 'filed',
  detail: 'Filed',
};

describe('DatabaseOnboardingStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: DatabaseOnboardingStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      store = new DatabaseOnboardingStore(knex);
    });

    it('keeps a request and its history as they were written', async () => {
      await store.create(request, filed);

      expect(await store.get('r-1')).toEqual(request);
      expect((await store.history(['r-1', 'none'])).get('r-1')).toEqual([
        filed,
      ]);
      expect((await store.history(['none'])).get('none')).toEqual([]);
    });

    it('stores nothing when the history entry cannot be written', async () => {
      const broken = {
        ...filed,
        action: null,
      } as unknown as OnboardingHistoryRecord;

      // Under load knex has rejected SQLite's failed transaction with a non-Error value, so
      // only the rejection itself is asserted.
      const outcome = await store.create(request, broken).then(
        () => 'stored',
        () => 'refused',
      );

      expect(outcome).toBe('refused');

      expect(await store.get('r-1')).toBeUndefined();
    });

    it('changes a request only in the statuses it was read in, with its entries', async () => {
      await store.create(request, filed);
      const decision: OnboardingHistoryRecord = {
        at: '2026-12-08T09:00:00.000Z',
        by: 'user:default/bob',
        action: 'approved',
        detail: 'Go ahead',
        decision: {
          decision: 'approve',
          reason: 'Go ahead',
          exception: null,
          failedChecks: [],
        },
      };

      expect(
        await store.change(
          'r-1',
          { status: 'approved', updatedAt: decision.at },
          [decision],
          ['pending-review'],
        ),
      ).toBe(true);
      // A second reviewer, who read it pending: nothing changes.
      expect(
        await store.change(
          'r-1',
          { status: 'rejected', updatedAt: '2026-12-08T09:00:01.000Z' },
          [{ ...decision, action: 'rejected' }],
          ['pending-review'],
        ),
      ).toBe(false);

      const stored = await store.get('r-1');
      expect(stored).toMatchObject({
        status: 'approved',
        updatedAt: decision.at,
      });
      expect((await store.history(['r-1'])).get('r-1')).toEqual([
        filed,
        decision,
      ]);
    });

    it('lists by status, owner and workload', async () => {
      await store.create(request, filed);
      await store.create(
        {
          ...request,
          id: 'r-2',
          status: 'approved',
          owner: 'group:default/team-x',
        },
        filed,
      );

      const ids = async (filter: object) =>
        (await store.list(filter)).map(r => r.id).sort();
      expect(await ids({})).toEqual(['r-1', 'r-2']);
      expect(await ids({ status: 'approved' })).toEqual(['r-2']);
      expect(await ids({ statuses: ['pending-review', 'rejected'] })).toEqual([
        'r-1',
      ]);
      expect(await ids({ owner: 'group:default/team-x' })).toEqual(['r-2']);
      expect(await ids({ entityRef: 'component:default/other' })).toEqual([]);
    });

    it('finds the first day a workload has cost on or after a day', async () => {
      const row = (day: string) => ({
        entity_ref: 'component:default/new-billing',
        day,
        currency: 'USD',
        basis: 'amortized',
        direct: '1',
        shared: '0',
      });
      await knex('finops_itam_entity_daily_cost').insert([
        row('2027-01-30'),
        row('2027-02-03'),
        row('2027-02-05'),
      ]);

      expect(
        await store.firstCostDay('component:default/new-billing', '2027-02-01'),
      ).toBe('2027-02-03');
      expect(
        await store.firstCostDay('component:default/new-billing', '2027-03-01'),
      ).toBeNull();
      expect(
        await store.firstCostDay('component:default/other', '2027-01-01'),
      ).toBeNull();
    });
  });
});
