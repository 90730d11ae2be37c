import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { sumAmounts } from '../money';
import { paymentsOf, shareDayOf, splitPayment } from './licensePayments';

const OWNER = 'group:default/team-itam';

const entitlement = (
  overrides: Partial<LicenseEntitlement> = {},
): LicenseEntitlement => ({
  id: 'e1',
  productId: 'rhel',
  metric: 'subscription',
  quantity: 3,
  cost: { amount: '120', currency: 'EUR', per: 'unit' },
  termStart: '2026-03-01',
  termEnd: '2027-02-28',
  owner: OWNER,
  ...overrides,
});

describe('license payments on the billed basis', () => {
  it('pays the whole term cost on the first day of the term unless a schedule says otherwise', () => {
    expect(paymentsOf(entitlement())).toEqual([
      { date: '2026-03-01', amount: '360' },
    ]);
    const payments = [
      { date: '2026-02-20', amount: '180' },
      { date: '2026-09-01', amount: '180' },
    ];
    expect(paymentsOf(entitlement({ payments }))).toEqual(payments);
  });

  it('pays nothing for an entitlement the cloud bill carries', () => {
    expect(
      paymentsOf(
        entitlement({
          sourceCharge: { subAccountId: 'acct-1', resourceId: 'offer-1' },
        }),
      ),
    ).toEqual([]);
  });

  it('splits a payment as the amortized cost of its day is split, exactly', () => {
    // That day a consumed 2 parts, b 1 part, and the owner kept 1 part as shelfware.
    const parts = splitPayment({ date: '2026-09-01', amount: '100' }, OWNER, [
      { entityRef: 'component:default/a', amount: '0.4931506849315068' },
      { entityRef: 'component:default/b', amount: '0.2465753424657534' },
      { entityRef: OWNER, amount: '0.2465753424657534' },
    ]);
    expect(parts).toEqual([
      { entityRef: 'component:default/a', amount: '50' },
      { entityRef: 'component:default/b', amount: '25' },
      { entityRef: OWNER, amount: '25' },
    ]);
    const thirds = splitPayment({ date: '2026-09-01', amount: '100' }, OWNER, [
      { entityRef: 'component:default/a', amount: '1' },
      { entityRef: 'component:default/b', amount: '1' },
      { entityRef: 'component:default/c', amount: '1' },
    ]);
    expect(sumAmounts(thirds.map(p => p.amount))).toBe('100');
  });

  it('charges a payment to the owner when its day has no split yet', () => {
    expect(
      splitPayment({ date: '2027-01-01', amount: '99.5' }, OWNER, []),
    ).toEqual([{ entityRef: OWNER, amount: '99.5' }]);
  });

  it('splits a payment outside the term like the nearest day of the term', () => {
    expect(shareDayOf(entitlement(), '2026-02-20')).toBe('2026-03-01');
    expect(shareDayOf(entitlement(), '2026-09-01')).toBe('2026-09-01');
    expect(shareDayOf(entitlement(), '2027-04-01')).toBe('2027-02-28');
  });
});
