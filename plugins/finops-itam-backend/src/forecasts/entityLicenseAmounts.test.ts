import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { ExactSum } from '../money';
import {
  LicenseAmountsByEntity,
  LicenseFacts,
  licenseAmountsByEntity,
} from './entityLicenseAmounts';

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

const of = (amounts: LicenseAmountsByEntity, ...refs: string[]) =>
  amounts.amountsFor(new Set(refs));

const sumOf = (amounts: Array<{ amount: string }> | undefined) =>
  (amounts ?? []).reduce((sum, a) => sum + Number(a.amount), 0);

describe('licenseAmountsByEntity', () => {
  it("splits a renewal by what each entity counts, the unused part the owner's", () => {
    const amounts = licenseAmountsByEntity(
      facts(),
      [],
      '2026-12-01',
      '2027-01-31',
      'billed',
    );
    expect(of(amounts, CHECKOUT)).toEqual([
      expect.objectContaining({
        day: '2027-01-01',
        amount: '300',
        reason: 'renewal',
      }),
    ]);
    expect(sumOf(of(amounts, SEARCH))).toBe(100);
    expect(sumOf(of(amounts, OWNER))).toBe(400);
    expect(of(amounts, 'component:default/idle')).toEqual([]);
  });

  it("gives a reservation to the requesting workload, priced by the product's entitlement", () => {
    const amounts = licenseAmountsByEntity(
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
    expect(amounts.unpriced).toEqual([]);
    // 800 for 8 licenses: 100 each.
    expect(of(amounts, 'component:default/new-billing')).toEqual([
      expect.objectContaining({
        day: '2026-12-10',
        amount: '200',
        reason: 'reservation',
        requestId: 'req-1',
      }),
    ]);
    // Nothing else is paid in December on the billed basis.
    expect(of(amounts, CHECKOUT)).toEqual([]);
  });

  it('spreads the running term over its days on the amortized basis, each entity getting its exact share', () => {
    const amounts = licenseAmountsByEntity(
      facts(),
      [],
      '2026-01-01',
      '2026-12-31',
    );
    const all = of(amounts, CHECKOUT, SEARCH, OWNER, 'component:default/idle');
    expect(all.every(a => a.reason === 'term')).toBe(true);
    expect(new Set(all.map(a => a.day)).size).toBe(365);
    const exact = (list: Array<{ amount: string }>) =>
      list.reduce((sum, a) => sum.add(a.amount), new ExactSum()).toString();
    expect(exact(all)).toBe('800');
    // The year's total is split, then each part spread: each entity gets its exact share
    // (a day-by-day split would give the leftover cent of every day to the same entity).
    expect(exact(of(amounts, CHECKOUT))).toBe('300');
    expect(exact(of(amounts, SEARCH))).toBe('100');
    expect(exact(of(amounts, OWNER))).toBe('400');
    expect(
      all.every(a => /^\d+(\.\d{1,2})?$/.test(a.amount) && a.amount !== '0'),
    ).toBe(true);
  });
});
