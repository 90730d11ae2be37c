import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { sumAmounts } from '../money';
import { computeLicenseDailyCost, SharesLookup, termCost } from './licenseCost';
import { LicenseDailyCostRow } from './DatabaseLicenseStore';

const OWNER = 'group:default/team-itam';

const entitlement = (
  overrides: Partial<LicenseEntitlement> = {},
): LicenseEntitlement => ({
  id: 'e1',
  productId: 'microsoft-sql-server-enterprise',
  metric: 'per-core',
  quantity: 4,
  cost: { amount: '100', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-01-03',
  owner: OWNER,
  ...overrides,
});

/** The same requirement of SQL Server Enterprise on every day. */
const requirements =
  (needs: Array<[string | null, number]>): SharesLookup =>
  productId =>
    productId === 'microsoft-sql-server-enterprise'
      ? {
          productRequired: needs.reduce((s, [, q]) => s + q, 0),
          entities: needs.map(([entityRef, weight]) => ({ entityRef, weight })),
        }
      : undefined;

const byDay = (rows: LicenseDailyCostRow[]) => {
  const days = new Map<string, string[]>();
  for (const row of rows)
    days.set(row.day, [...(days.get(row.day) ?? []), row.amount]);
  return new Map([...days].map(([day, amounts]) => [day, sumAmounts(amounts)]));
};

describe('license cost per entity', () => {
  it('amortizes the term cost daily and splits each day by required quantity, the unused share to the owner', () => {
    const rows = computeLicenseDailyCost(
      [entitlement()],
      requirements([
        ['component:default/a', 2],
        ['component:default/b', 1],
      ]),
      '2026-12-31',
    );
    // 100 over 3 days: the leftover unit of the last decimal goes to the first day.
    expect(byDay(rows)).toEqual(
      new Map([
        ['2026-01-01', '33.3333333333333334'],
        ['2026-01-02', '33.3333333333333333'],
        ['2026-01-03', '33.3333333333333333'],
      ]),
    );
    expect(sumAmounts(rows.map(r => r.amount))).toBe('100');
    const day2 = rows.filter(r => r.day === '2026-01-02');
    // 4 entitled, 3 required: a gets 2/4, b 1/4, and the owner keeps 1/4 as shelfware.
    expect(day2.map(r => [r.entityRef, r.amount, r.shelfware])).toEqual([
      ['component:default/a', '16.6666666666666667', false],
      ['component:default/b', '8.3333333333333333', false],
      [OWNER, '8.3333333333333333', true],
    ]);
  });

  it('charges everything to consumers when they need more than is entitled', () => {
    const rows = computeLicenseDailyCost(
      [entitlement({ cost: { amount: '10', currency: 'EUR', per: 'unit' } })],
      requirements([
        ['component:default/a', 5],
        ['component:default/b', 1],
      ]),
      '2026-12-31',
    );
    expect(
      termCost(
        entitlement({ cost: { amount: '10', currency: 'EUR', per: 'unit' } }),
      ),
    ).toBe('40');
    expect(rows.some(r => r.shelfware)).toBe(false);
    expect(sumAmounts(rows.map(r => r.amount))).toBe('40');
    expect(rows.every(r => r.currency === 'EUR')).toBe(true);
  });

  it('keeps all cost with the owner as shelfware when nothing consumes the product', () => {
    const rows = computeLicenseDailyCost(
      [entitlement()],
      () => undefined,
      '2026-12-31',
    );
    expect(rows.every(r => r.entityRef === OWNER && r.shelfware)).toBe(true);
    expect(sumAmounts(rows.map(r => r.amount))).toBe('100');
  });

  it('charges requirement that no entity owns to the owner, not as shelfware', () => {
    const rows = computeLicenseDailyCost(
      [entitlement()],
      requirements([[null, 4]]),
      '2026-12-31',
    );
    expect(rows.every(r => r.entityRef === OWNER && !r.shelfware)).toBe(true);
    expect(sumAmounts(rows.map(r => r.amount))).toBe('100');
  });

  it('splits each day by that day’s shares, and keeps the days it is not asked for out', () => {
    const shares: SharesLookup = (_, day) =>
      day === '2026-01-02'
        ? {
            productRequired: 4,
            entities: [{ entityRef: 'component:default/b', weight: 4 }],
          }
        : {
            productRequired: 4,
            entities: [{ entityRef: 'component:default/a', weight: 4 }],
          };
    const rows = computeLicenseDailyCost([entitlement()], shares, '2026-12-31');
    expect(rows.map(r => [r.day, r.entityRef])).toEqual([
      ['2026-01-01', 'component:default/a'],
      ['2026-01-02', 'component:default/b'],
      ['2026-01-03', 'component:default/a'],
    ]);
    const second = computeLicenseDailyCost(
      [entitlement()],
      shares,
      '2026-12-31',
      (_, day) => day === '2026-01-02',
    );
    expect(second.map(r => r.day)).toEqual(['2026-01-02']);
  });

  it('splits a pooled product by fractional weights: 3 VMs share 2 subscriptions exactly', () => {
    const rhel = entitlement({
      productId: 'rhel',
      quantity: 2,
      cost: { amount: '2', currency: 'USD', per: 'term' },
      termEnd: '2026-01-01',
    });
    // 3 VMs, one per entity, need 2 subscriptions: each weighs 2 on a scale of 3 VMs.
    const shares: SharesLookup = () => ({
      productRequired: 2,
      entities: ['a', 'b', 'c'].map(name => ({
        entityRef: `component:default/${name}`,
        weight: 2,
      })),
    });
    const rows = computeLicenseDailyCost([rhel], shares, '2026-12-31');
    expect(rows.map(r => r.amount)).toEqual([
      '0.6666666666666667',
      '0.6666666666666667',
      '0.6666666666666666',
    ]);
    expect(sumAmounts(rows.map(r => r.amount))).toBe('2');
  });

  it('stops at the given day and conserves every day exactly over a long, awkward term', () => {
    const year = entitlement({
      quantity: 7,
      cost: { amount: '1234.5678901234567891', currency: 'USD', per: 'term' },
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
    });
    const needs = requirements([
      ['component:default/a', 3],
      ['component:default/b', 2],
      ['component:default/c', 1],
    ]);
    const all = computeLicenseDailyCost([year], needs, '2026-12-31');
    expect(sumAmounts(all.map(r => r.amount))).toBe('1234.5678901234567891');
    expect(byDay(all).size).toBe(365);
    const partial = computeLicenseDailyCost([year], needs, '2026-01-31');
    expect(byDay(partial).size).toBe(31);
    expect(partial.every(r => r.day <= '2026-01-31')).toBe(true);
  });

  it('adds no cost for an entitlement the cloud bill carries, while its quantity still covers requirement', () => {
    // 4 units bought through the marketplace (billed on a Purchase row) and 4 bought direct;
    // 4 required by a: the direct entitlement's cost is split over the 8 entitled units.
    const marketplace = entitlement({
      id: 'e-marketplace',
      sourceCharge: { subAccountId: 'acct-1', skuId: 'sql-ent-offer' },
    });
    const rows = computeLicenseDailyCost(
      [marketplace, entitlement()],
      requirements([['component:default/a', 4]]),
      '2026-12-31',
    );
    expect(rows.some(r => r.entitlementId === 'e-marketplace')).toBe(false);
    expect(sumAmounts(rows.map(r => r.amount))).toBe('100');
    // Without the marketplace units a would need all 4 direct ones; with them, half is shelfware.
    const day1 = rows.filter(r => r.day === '2026-01-01');
    expect(day1.map(r => [r.entityRef, r.amount, r.shelfware])).toEqual([
      ['component:default/a', '16.6666666666666667', false],
      [OWNER, '16.6666666666666667', true],
    ]);
  });
});
