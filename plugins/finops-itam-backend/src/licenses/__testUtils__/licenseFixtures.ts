import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import {
  allocateFactsByHand,
  insertFacts,
  testEntity,
} from '../../allocation/__testUtils__/facts';
import type { OnboardingLicenseHolds } from '../../feature/hooks';
import { DatabaseLicenseStore } from '../DatabaseLicenseStore';
import { DatabaseLicensedFactStore } from '../DatabaseLicensedFactStore';
import { DEFAULT_COST_DATA_SETTINGS } from '../licenseConfig';
import { LicenseProductCatalog } from '../LicenseProductCatalog';
import { LicenseService } from '../LicenseService';

/** A cost resource carrying licensed software, billed on a run of days. */
export interface LicensedVm {
  name: string;
  entityRef: string | null;
  days: string[];
  provider?: string;
  tags?: Record<string, string>;
  skuId?: string;
  details?: Record<string, unknown>;
}

/** Inserts one allocated usage fact per VM and day, as ingestion and allocation leave them. */
export async function insertLicensedVms(knex: Knex, vms: LicensedVm[]) {
  await insertFacts(
    knex,
    vms.flatMap(vm =>
      vm.days.map(day => ({
        day,
        resourceId: `id-${vm.name}`,
        resourceName: vm.name,
        tags: vm.tags ?? null,
        billedCost: '1.5',
      })),
    ),
  );
  for (const vm of vms) {
    await knex('finops_itam_cost_facts')
      .where('resource_name', vm.name)
      .update({
        provider_name: vm.provider ?? 'AWS',
        sku_id: vm.skuId ?? `ec2/${vm.name}`,
        sku_price_details: vm.details ? JSON.stringify(vm.details) : null,
      });
    await allocateFactsByHand(
      knex,
      { resource_name: vm.name },
      { entityRef: vm.entityRef },
    );
  }
}

export const byolTags = (product: string) => ({
  application: 'x',
  'license-product': product,
  'license-model': 'byol',
});

/** Days from `from` for `count` days, `YYYY-MM-DD`. */
export function daysFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });
}

/** A license service over a test database and an in-memory catalog, on a fixed day. */
export function licenseServiceFor(
  knex: Knex,
  entities: Entity[],
  options: {
    today?: string;
    unauthorizedProducts?: string[];
    blockedProducts?: string[];
    holds?: OnboardingLicenseHolds;
  } = {},
) {
  const store = new DatabaseLicenseStore(knex);
  const service = new LicenseService({
    facts: new DatabaseLicensedFactStore(knex),
    store,
    productCatalog: new LicenseProductCatalog([], store),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    config: {
      costData: DEFAULT_COST_DATA_SETTINGS,
      instanceTypes: {},
      unauthorizedProducts: options.unauthorizedProducts ?? [],
      blockedProducts: options.blockedProducts,
      inactiveSeatDays: 90,
    },
    holds: options.holds,
    now: () => new Date(`${options.today ?? '2026-11-27'}T12:00:00Z`),
  });
  return { store, service };
}

export { testEntity };
