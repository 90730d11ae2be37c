import {
  LicenseEntitlement,
  LicensePositionEntry,
} from '@finops-itam/plugin-finops-itam-common';
import { Money } from '../money';
import {
  ApprovedReservation,
  KnownLicenseAmount,
  knownLicenseAmounts,
} from './knownLicenseAmounts';

const SQL = 'microsoft-sql-server-enterprise';

function entitlement(
  overrides: Partial<LicenseEntitlement> = {},
): LicenseEntitlement {
  return {
    id: 'sql-ea-2026',
    productId: SQL,
    metric: 'per-core',
    quantity: 40,
    cost: { per: 'unit', amount: '1000', currency: 'USD' },
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    owner: 'group:default/itam',
    ...overrides,
  };
}

function position(
  overrides: Partial<LicensePositionEntry> = {},
): LicensePositionEntry {
  return {
    productId: SQL,
    productName: 'SQL Server Enterprise',
    metric: 'per-core',
    entitled: 40,
    required: 48,
    byolRequired: 48,
    licenseIncludedRequired: 0,
    position: -8,
    status: 'shortage',
    exposure: null,
    trueUpDate: '2026-12-01',
    projectedAtTrueUp: 50,
    shelfware: 0,
    unknownSizeResources: 0,
    licenseEntityRef: null,
    ...overrides,
  };
}

const byReason = (amounts: KnownLicenseAmount[], reason: string) =>
  amounts.filter(a => a.reason === reason);
const total = (amounts: KnownLicenseAmount[]) =>
  amounts.reduce((s, a) => s.plus(a.amount), new Money(0)).toFixed();

describe('knownLicenseAmounts', () => {
  it('pays the renewal at term end for the next term, on the billed basis', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [entitlement()],
      positions: [],
      reservations: [],
      from: '2026-06-01',
      to: '2027-05-31',
      basis: 'billed',
    });
    // The current term was paid on its first day, before the forecast.
    expect(amounts).toEqual([
      {
        day: '2027-01-01',
        amount: '40000',
        currency: 'USD',
        reason: 'renewal',
        productId: SQL,
        entitlementId: 'sql-ea-2026',
        owner: 'group:default/itam',
      },
    ]);
  });

  it('carries a payment schedule into the renewed term', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [
        entitlement({
          cost: { per: 'term', amount: '12000', currency: 'EUR' },
          payments: [
            { date: '2026-01-31', amount: '6000' },
            { date: '2026-07-31', amount: '6000' },
          ],
        }),
      ],
      positions: [],
      reservations: [],
      from: '2026-06-01',
      to: '2027-12-31',
      basis: 'billed',
    });
    expect(amounts.map(a => [a.day, a.amount, a.reason])).toEqual([
      ['2026-07-31', '6000', 'term'],
      ['2027-01-31', '6000', 'renewal'],
      ['2027-07-31', '6000', 'renewal'],
    ]);
  });

  it('spreads terms and renewals over their days on the amortized basis, exactly', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [entitlement()],
      positions: [],
      reservations: [],
      from: '2026-12-01',
      to: '2027-12-31',
      basis: 'amortized',
    });
    const term = byReason(amounts, 'term');
    const renewal = byReason(amounts, 'renewal');
    expect(term.map(a => a.day)).toHaveLength(31);
    expect(renewal).toHaveLength(365);
    // 40,000 over 365 days is 109.58 a day and 330 cents left over, one each on the first 330 days.
    expect(total(renewal)).toBe('40000');
    expect(renewal[0].amount).toBe('109.59');
    expect(renewal[364].amount).toBe('109.58');
  });

  it('does not renew an entitlement whose renewal is already recorded, nor one that lapsed', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [
        entitlement(),
        entitlement({
          id: 'sql-ea-2027',
          termStart: '2027-01-01',
          termEnd: '2027-12-31',
          cost: { per: 'unit', amount: '1100', currency: 'USD' },
        }),
        entitlement({
          id: 'old',
          termStart: '2024-01-01',
          termEnd: '2024-12-31',
        }),
      ],
      positions: [],
      reservations: [],
      from: '2026-06-01',
      to: '2027-05-31',
      basis: 'billed',
    });
    expect(
      amounts.map(a => [a.day, a.amount, a.entitlementId, a.reason]),
    ).toEqual([['2027-01-01', '44000', 'sql-ea-2027', 'term']]);
  });

  it('leaves out entitlements the cloud bill already charges', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [
        entitlement({
          sourceCharge: { subAccountId: '123456789012', skuId: 'SQL-ENT' },
        }),
      ],
      positions: [],
      reservations: [],
      from: '2026-06-01',
      to: '2027-05-31',
      basis: 'billed',
    });
    expect(amounts).toEqual([]);
  });

  it('prices the true-up at the true-up date from the shortage and the unit price', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [entitlement({ trueUpDate: '2026-12-01' })],
      positions: [position({ position: -8 })],
      reservations: [],
      from: '2026-06-01',
      to: '2026-12-31',
      basis: 'billed',
    });
    expect(byReason(amounts, 'true-up')).toEqual([
      {
        day: '2026-12-01',
        amount: '8000',
        currency: 'USD',
        reason: 'true-up',
        productId: SQL,
        entitlementId: 'sql-ea-2026',
        owner: 'group:default/itam',
      },
    ]);
  });

  it('takes the unit price of a term-priced entitlement as its cost over its quantity, rounded to cents', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [
        entitlement({
          quantity: 3,
          cost: { per: 'term', amount: '1000', currency: 'USD' },
        }),
      ],
      positions: [position({ position: -1 })],
      reservations: [],
      from: '2026-06-01',
      to: '2026-12-31',
      basis: 'billed',
    });
    expect(byReason(amounts, 'true-up').map(a => a.amount)).toEqual(['333.33']);
  });

  it('pays for reserved licenses once: as reservations, and the true-up for the rest of the shortage', () => {
    const reservations: ApprovedReservation[] = [
      {
        requestId: 'onb-7',
        entityRef: 'component:default/payments-db',
        productId: SQL,
        quantity: 6,
        from: '2026-09-01',
      },
    ];
    const { amounts, unpriced } = knownLicenseAmounts({
      entitlements: [entitlement()],
      // The position counts the 6 reserved cores as required: 8 short in all.
      positions: [position({ position: -8, reserved: 6 })],
      reservations,
      from: '2026-06-01',
      to: '2026-12-31',
      basis: 'billed',
    });
    expect(unpriced).toEqual([]);
    expect(
      amounts.map(a => [a.day, a.amount, a.reason, a.requestId ?? null]),
    ).toEqual([
      ['2026-09-01', '6000', 'reservation', 'onb-7'],
      ['2026-12-01', '2000', 'true-up', null],
    ]);
  });

  it('leaves a reservation that started before the forecast in the true-up', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [entitlement()],
      positions: [position({ position: -8, reserved: 6 })],
      reservations: [
        {
          requestId: 'onb-6',
          entityRef: 'component:default/payments-db',
          productId: SQL,
          quantity: 6,
          from: '2026-05-01',
        },
      ],
      from: '2026-06-01',
      to: '2026-12-31',
      basis: 'billed',
    });
    expect(amounts.map(a => [a.day, a.amount, a.reason])).toEqual([
      ['2026-12-01', '8000', 'true-up'],
    ]);
  });

  it('spreads a reservation from its first day to the term end on the amortized basis', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [entitlement({ quantity: 10 })],
      positions: [],
      reservations: [
        {
          requestId: 'onb-8',
          entityRef: 'component:default/reports',
          productId: SQL,
          quantity: 2,
          from: '2026-12-02',
        },
      ],
      from: '2026-12-01',
      to: '2026-12-31',
      basis: 'amortized',
    });
    const reservation = byReason(amounts, 'reservation');
    expect(reservation).toHaveLength(30);
    expect(reservation[0].day).toBe('2026-12-02');
    expect(total(reservation)).toBe('2000');
  });

  it('says which changes it could not price', () => {
    const { amounts, unpriced } = knownLicenseAmounts({
      entitlements: [],
      positions: [position({ productId: 'oracle-db' })],
      reservations: [
        {
          requestId: 'onb-9',
          entityRef: 'component:default/x',
          productId: 'oracle-db',
          quantity: 2,
          from: '2026-07-01',
        },
      ],
      from: '2026-06-01',
      to: '2026-12-31',
      basis: 'billed',
    });
    expect(amounts).toEqual([]);
    expect(unpriced.map(u => [u.reason, u.productId, u.requestId])).toEqual([
      ['reservation', 'oracle-db', 'onb-9'],
      ['true-up', 'oracle-db', undefined],
    ]);
  });

  it('leaves out a true-up outside the forecast or without a shortage', () => {
    const { amounts } = knownLicenseAmounts({
      entitlements: [entitlement()],
      positions: [
        position({ trueUpDate: '2027-03-01' }),
        position({ productId: 'other', position: 4, status: 'surplus' }),
      ],
      reservations: [],
      from: '2026-06-01',
      to: '2026-12-31',
      basis: 'billed',
    });
    expect(byReason(amounts, 'true-up')).toEqual([]);
  });
});
