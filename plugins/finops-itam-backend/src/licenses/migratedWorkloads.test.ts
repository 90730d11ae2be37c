import { ReharvestCandidate } from '@finops-itam/plugin-finops-itam-common';
import { DailyRequirement, ProductDay, shareKey } from './dailyRequirement';
import { Consumption } from './licenseConsumption';
import {
  migratedWorkloadCandidates,
  withMigratedWorkloads,
} from './migratedWorkloads';

const SQL = 'microsoft-sql-server-enterprise';
const OLD = 'component:default/old-billing';
const window = { from: '2026-11-01', to: '2026-11-30' };

/** One entity's BYOL requirement of SQL Server on some days. */
function daily(entityRef: string, days: Record<string, number>) {
  const map = new Map<string, ProductDay>();
  for (const [day, required] of Object.entries(days)) {
    map.set(day, {
      needed: required,
      licenseIncluded: 0,
      byol: required,
      shares: new Map([
        [
          shareKey('byol', entityRef),
          { entityRef, model: 'byol', required, weight: required },
        ],
      ]),
    });
  }
  const requirement: DailyRequirement = new Map([[SQL, map]]);
  return requirement;
}

const byolUse = (entityRef: string): Consumption => ({
  productId: SQL,
  entityRef,
  model: 'byol',
  counted: 8,
  reason: { source: 'cost-data', quantity: 8, rule: '8 vCPUs' },
  flags: [],
});

describe('migratedWorkloadCandidates', () => {
  it("lists the replaced workload's peak over the window, once, for its earliest migration", () => {
    const candidates = migratedWorkloadCandidates({
      migrations: [
        {
          requestId: 'req-late',
          replaces: OLD,
          entityRef: 'component:default/billing-v3',
          goLive: '2026-11-20',
        },
        {
          requestId: 'req-early',
          replaces: 'Component:default/old-billing',
          entityRef: 'component:default/billing-v2',
          goLive: '2026-11-10',
        },
      ],
      consumptions: [byolUse(OLD), byolUse(OLD)],
      // Two VMs ran together until the 12th, then one: the peak is what ran at once.
      daily: daily(OLD, {
        '2026-10-30': 24,
        '2026-11-11': 16,
        '2026-11-12': 8,
      }),
      window,
    });
    expect(candidates).toEqual([
      {
        productId: SQL,
        reason: 'migrated-workload',
        detail:
          'replaced by component:default/billing-v2 (onboarding request req-early) live since 2026-11-10',
        entityRef: OLD,
        resourceId: null,
        quantity: 16,
        onboardingRequestId: 'req-early',
      },
    ]);
  });

  it('lists nothing for a workload that stopped before the window: its licenses are already free', () => {
    expect(
      migratedWorkloadCandidates({
        migrations: [
          {
            requestId: 'req-1',
            replaces: OLD,
            entityRef: 'component:default/billing-v2',
            goLive: '2026-09-01',
          },
        ],
        consumptions: [byolUse(OLD)],
        daily: daily(OLD, { '2026-10-15': 8 }),
        window,
      }),
    ).toEqual([]);
  });
});

describe('withMigratedWorkloads', () => {
  it("replaces the replaced workload's other candidates for the same product", () => {
    const candidate = (
      fields: Partial<ReharvestCandidate>,
    ): ReharvestCandidate => ({
      productId: SQL,
      reason: 'deprecated-component',
      detail: 'x',
      entityRef: OLD,
      resourceId: 'vm-1',
      quantity: 8,
      ...fields,
    });
    const migrated = candidate({
      reason: 'migrated-workload',
      detail: 'replaced by …',
      resourceId: null,
      quantity: 16,
    });
    const otherProduct = candidate({ productId: 'rhel', quantity: 1 });
    const otherEntity = candidate({ entityRef: 'component:default/legacy' });
    expect(
      withMigratedWorkloads(
        [
          candidate({}),
          candidate({ resourceId: 'vm-2' }),
          otherProduct,
          otherEntity,
        ],
        [migrated],
      ),
    ).toEqual([migrated, otherEntity, otherProduct]);
  });
});
