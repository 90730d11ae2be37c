import {
  LicensePositionEntry,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { Consumption } from './licenseConsumption';
import { applyReservations } from './reservedPosition';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const product = (id: string) =>
  SHIPPED_LICENSE_PRODUCTS.find(p => p.id === id)!;
const WINDOWS = product('microsoft-windows-server-datacenter');
const SQL = product('microsoft-sql-server-standard');
const products = new Map<string, LicenseProduct>(
  [WINDOWS, SQL].map(p => [p.id, p]),
);

/** Windows Server: 16 entitled, 8 used, but one VM breaks its BYOL rights. */
const windowsEntry: LicensePositionEntry = {
  productId: WINDOWS.id,
  productName: WINDOWS.name,
  metric: WINDOWS.metric,
  entitled: 16,
  required: 8,
  requiredNow: 8,
  peakDay: '2026-11-26',
  byolRequired: 8,
  licenseIncludedRequired: 0,
  position: 8,
  status: 'non-compliant',
  exposure: null,
  trueUpDate: null,
  projectedAtTrueUp: null,
  shelfware: 8,
  unknownSizeResources: 0,
  licenseEntityRef: null,
  nonCompliance: [
    {
      rule: 'allowed-tenancy',
      message: 'not on shared hosts',
      entityRef: 'component:default/reporting',
      resourceId: 'vm-1',
      resourceName: 'vm-1',
    },
  ],
};

/** What an entity declares in finops-itam.io/licenses, counted in the position. */
const declared = (entityRef: string, productId: string): Consumption => ({
  productId,
  entityRef,
  model: 'declared',
  counted: 4,
  reason: { source: 'catalog', quantity: 4, rule: 'declared 4' },
  flags: [],
});

describe('applyReservations', () => {
  it('takes reservations from the free quantity but keeps a non-compliant status', () => {
    const [entry] = applyReservations([windowsEntry], {
      products,
      consumptions: [],
      reservations: [
        {
          requestId: 'req-2',
          entityRef: 'component:default/crm',
          productId: WINDOWS.id,
          quantity: 16,
        },
      ],
    });
    expect(entry).toMatchObject({
      reserved: 16,
      position: -8,
      shelfware: 0,
      // BYOL outside its rights outranks the shortage the reservation causes.
      status: 'non-compliant',
      // 8 cores of a 16-core pack at 6,155, spread over 3 years plus 25 % support a year.
      exposure: { amount: '1795.21', currency: 'USD' },
    });
    expect(entry.nonCompliance).toHaveLength(1);
  });

  it('drops a reservation whose entity already declares the product, and one of an undefined product', () => {
    const position = applyReservations([windowsEntry], {
      products,
      consumptions: [declared('component:default/crm', SQL.id)],
      reservations: [
        // crm's declaration is counted in the position: the hold became use.
        {
          requestId: 'req-2',
          entityRef: 'Component:default/crm',
          productId: SQL.id,
          quantity: 4,
        },
        {
          requestId: 'req-2',
          entityRef: 'component:default/crm',
          productId: 'acme-unknown',
          quantity: 4,
        },
      ],
    });
    expect(position).toEqual([windowsEntry]);
  });

  it('lists each request once per entity, summing its deployments, in request order', () => {
    const [entry] = applyReservations([], {
      products,
      consumptions: [],
      reservations: [
        {
          requestId: 'req-b',
          entityRef: 'component:default/billing',
          productId: SQL.id,
          quantity: 4,
        },
        {
          requestId: 'req-a',
          entityRef: 'component:default/crm',
          productId: SQL.id,
          quantity: 8,
        },
        {
          requestId: 'req-b',
          entityRef: 'component:default/billing',
          productId: SQL.id,
          quantity: 6,
        },
      ],
    });
    expect(entry).toMatchObject({
      productId: SQL.id,
      entitled: 0,
      required: 0,
      reserved: 18,
      position: -18,
      status: 'shortage',
      reservations: [
        { requestId: 'req-a', entityRef: 'component:default/crm', quantity: 8 },
        {
          requestId: 'req-b',
          entityRef: 'component:default/billing',
          quantity: 10,
        },
      ],
      // 18 cores at 1,418 per 2-core pack a year.
      exposure: { amount: '12762', currency: 'USD' },
    });
  });
});
