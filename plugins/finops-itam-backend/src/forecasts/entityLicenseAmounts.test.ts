import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { ExactSum } from '../money';
import { LicenseFacts, licenseAmountsByEntity } from './entityLicenseAmounts';

const OWNER = 'group:default/team-itam';
const CHECKOUT = 'component:default/checkout';
const SEARCH = 'component:default/search';

/** 8 licenses for 800 a year, renewed (paid) on 2027-01-01. */
const entitlement: LicenseEntitlement = {
  id: 'ea-sql',
  productId: 'sql',
  metric: 'per-core',
  quantity: 8,
  cost: { per: 'term', amount: '800', currency: 'USD' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  owner: OWNER,
};

/** checkout counts 3 of the licenses, search 1: 4 of 8 are unused. */
function facts(): LicenseFacts {
  return {
    entitlements: [entitlement],
    position: [{ productId: 'sql', entitled: 8, required: 4, position: 4 }],
    consumptions: [
      { productId: 'sql', entityRef: CHECKOUT, counted: 2 },
      { productId: 'sql', entityRef: CHECKOUT, counted: 1 },
      { productId: 'sql', entityRef: SEARCH, counted: 1 },
      // Counted elsewhere already: no weight.
      { productId: 'sql', entityRef: 'component:default/idle', counted: 0 },
    ],
  } as unknown as LicenseFacts;
}

const sumOf = (amounts: Array<{ amount: string }> | undefined) =>
  (amounts ?? []).reduce((sum, a) => sum + Number(a.amount), 0);

describe('licenseAmountsByEntity', () => {
  it("splits a renewal by what each entity counts, the unused part the owner's", () => {
    const { byEntity } = licenseAmountsByEntity(
      facts(),
      [],
      '2026-12-01',
      '2027-01-31',
      'billed',
    );
    expect(byEntity.get(CHECKOUT)).toEqual([
      expect.objectContaining({
        day: '2027-01-01',
        amount: '300',
        reason: 'renewal',
      }),
    ]);
    expect(sumOf(byEntity.get(SEARCH))).toBe(100);
    expect(sumOf(byEntity.get(OWNER))).toBe(400);
    expect(byEntity.has('component:default/idle')).toBe(false);
  });

  it("gives a reservation to the requesting workload, priced by the product's entitlement", () => {
    const { byEntity, unpriced } = licenseAmountsByEntity(
      facts(),
      [
        {
          requestId: 'req-1',
          entityRef: 'Component:default/New-Billing',
          productId: 'sql',
          quantity: 2,
          from: '2026-12-10',
        },
      ],
      '2026-12-01',
      '2026-12-31',
      'billed',
    );
    expect(unpriced).toEqual([]);
    // 800 for 8 licenses: 100 each.
    expect(byEntity.get('component:default/new-billing')).toEqual([
      expect.objectContaining({
        day: '2026-12-10',
        amount: '200',
        reason: 'reservation',
        requestId: 'req-1',
      }),
    ]);
    // Nothing else is paid in December on the billed basis.
    expect(byEntity.has(CHECKOUT)).toBe(false);
  });

  it('spreads the running term over its days on the amortized basis, the parts summing exactly to it', () => {
    const { byEntity } = licenseAmountsByEntity(
      facts(),
      [],
      '2026-01-01',
      '2026-12-31',
    );
    const all = [...byEntity.values()].flat();
    expect(all.every(a => a.reason === 'term')).toBe(true);
    expect(new Set(all.map(a => a.day)).size).toBe(365);
    const exact = (amounts: Array<{ amount: string }> | undefined) =>
      (amounts ?? [])
        .reduce((sum, a) => sum.add(a.amount), new ExactSum())
        .toString();
    expect(exact(all)).toBe('800');
    // Split through the running total: each entity's year is its exact share, to the cent
    // (a day-by-day split would give the leftover cent of every day to the same entity).
    expect(exact(byEntity.get(CHECKOUT))).toBe('300');
    expect(exact(byEntity.get(SEARCH))).toBe('100');
    expect(exact(byEntity.get(OWNER))).toBe('400');
    expect(
      all.every(a => /^\d+(\.\d{1,2})?$/.test(a.amount) && a.amount !== '0'),
    ).toBe(true);
  });
});
