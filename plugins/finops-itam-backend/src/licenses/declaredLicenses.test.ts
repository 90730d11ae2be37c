import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { LicensedResource } from './costDataLicenses';
import { Consumption, collectConsumption } from './licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const SQL = 'microsoft-sql-server-enterprise';
const SEAT = 'saas-observability-seat';
const PAYMENTS = 'component:default/payments';

const products = new Map<string, LicenseProduct>(
  SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]),
);

/** An 8-vCPU SQL Server Enterprise VM of `payments`, billed BYOL or license-included. */
function sqlVm(
  name: string,
  model: 'byol' | 'license-included',
  vcpus = 8,
): LicensedResource {
  return {
    key: name,
    resourceId: `id-${name}`,
    resourceName: name,
    provider: 'AWS',
    softwareCharge: false,
    entityRef: PAYMENTS,
    vcpus,
    hyperThreading: true,
    tenancy: 'shared',
    lastSeen: '2026-11-26',
    days: new Set(['2026-11-26']),
    detections: new Map([
      [SQL, { productId: SQL, model, via: 'tag' as const }],
    ]),
  } as LicensedResource;
}

function consumptionsOf(input: {
  resources?: LicensedResource[];
  declared: number;
  productId?: string;
  seats?: number;
}) {
  const productId = input.productId ?? SQL;
  return collectConsumption({
    products,
    activeEntitlements: new Map(),
    resources: input.resources ?? [],
    declarations: [
      { entityRef: PAYMENTS, productId, quantity: input.declared },
    ],
    seats: Array.from({ length: input.seats ?? 0 }, (_, i) => ({
      productId,
      user: `user-${i}@example.com`,
      lastActive: '2026-11-20',
      entityRef: PAYMENTS,
    })),
    unauthorizedProducts: [],
  }).consumptions;
}

const counted = (list: Consumption[], model: Consumption['model']) =>
  list.filter(c => c.model === model).reduce((sum, c) => sum + c.counted, 0);
const declaredRule = (list: Consumption[]) =>
  list.find(c => c.model === 'declared')!.reason.rule;

describe('catalog declarations (finops-itam.io/licenses)', () => {
  it('are added in full when the cost data shows only license-included use of the product', () => {
    // 16 SQL Server Enterprise cores declared (on premises, say); the cloud bill shows a
    // license-included 8-vCPU VM, whose licenses came with the bill and cover nothing else.
    const list = consumptionsOf({
      resources: [sqlVm('sql-li', 'license-included')],
      declared: 16,
    });
    expect(counted(list, 'license-included')).toBe(8);
    expect(counted(list, 'declared')).toBe(16);
    expect(declaredRule(list)).toBe(
      'declared 16 core licenses in finops-itam.io/licenses',
    );
  });

  it('count what BYOL cost data does not: 16 declared, 8 BYOL in cost data → 8 more', () => {
    const list = consumptionsOf({
      resources: [sqlVm('sql-byol', 'byol')],
      declared: 16,
    });
    expect(counted(list, 'byol')).toBe(8);
    expect(counted(list, 'declared')).toBe(8);
    expect(declaredRule(list)).toBe(
      'declared 16 core licenses in finops-itam.io/licenses; 8 of them are the BYOL use in cost data, 8 added',
    );
  });

  it('add nothing when BYOL cost data already covers them, and say so', () => {
    const list = consumptionsOf({
      resources: [
        sqlVm('sql-byol-1', 'byol', 16),
        sqlVm('sql-byol-2', 'byol', 8),
      ],
      declared: 16,
    });
    expect(counted(list, 'byol')).toBe(24);
    expect(counted(list, 'declared')).toBe(0);
    expect(declaredRule(list)).toBe(
      'declared 16 core licenses in finops-itam.io/licenses; not added, the BYOL use in cost data (24 at its peak) covers it',
    );
  });

  it('ignore license-included use next to BYOL use: only BYOL offsets the declaration', () => {
    const list = consumptionsOf({
      resources: [
        sqlVm('sql-byol', 'byol', 4),
        sqlVm('sql-li', 'license-included', 16),
      ],
      declared: 16,
    });
    expect(counted(list, 'byol')).toBe(4);
    expect(counted(list, 'license-included')).toBe(16);
    expect(counted(list, 'declared')).toBe(12);
  });

  it('compare with the BYOL peak, not every instance an autoscaling group ever replaced', () => {
    // Two 8-vCPU VMs, each billed on one day only: 8 at once, 16 ever seen.
    const monday = sqlVm('sql-byol-mon', 'byol');
    const tuesday = {
      ...sqlVm('sql-byol-tue', 'byol'),
      days: new Set(['2026-11-27']),
    };
    const list = consumptionsOf({ resources: [monday, tuesday], declared: 16 });
    expect(counted(list, 'declared')).toBe(8);
  });

  it('are replaced by a seat import, which lists every assigned seat of the product', () => {
    const list = consumptionsOf({ productId: SEAT, declared: 40, seats: 2 });
    expect(counted(list, 'seat')).toBe(2);
    expect(counted(list, 'declared')).toBe(0);
    expect(declaredRule(list)).toBe(
      'declared 40 seat licenses in finops-itam.io/licenses; not added, the seat import already counts this product for the entity',
    );
  });
});
