import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';
import { validateEntitlements } from './entitlementSchema';
import { EntitlementFileError, readEntitlementFile } from './entitlementFiles';

const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));

const good = {
  id: 'ea-sql',
  productId: 'microsoft-sql-server-enterprise',
  quantity: 16,
  cost: { amount: '43472.00', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  owner: 'group:default/team-itam',
};

const validate = (values: unknown[]) =>
  validateEntitlements(
    values.map((value, position) => ({ position, value })),
    products,
  );

describe('entitlement validation', () => {
  it('accepts a valid entitlement and fills the metric from the product', () => {
    const { entitlements, rejections } = validate([
      { ...good, owner: 'team-itam' },
    ]);
    expect(rejections).toEqual([]);
    expect(entitlements).toEqual([
      {
        ...good,
        cost: { amount: '43472.00', currency: 'USD', per: 'term' },
        metric: 'per-core',
      },
    ]);
  });

  it('rejects negative quantities, terms ending before they start, and unknown products, with field and reason', () => {
    const { entitlements, rejections } = validate([
      { ...good, id: 'neg', quantity: -2 },
      {
        ...good,
        id: 'backwards',
        termStart: '2026-12-31',
        termEnd: '2026-01-01',
      },
      { ...good, id: 'nope', productId: 'acme-unknown' },
      { ...good, id: 'bad-date', termEnd: '2026-02-30' },
      { ...good, id: 'wrong-metric', metric: 'per-user' },
    ]);
    expect(entitlements).toEqual([]);
    expect(rejections).toEqual([
      {
        index: 0,
        id: 'neg',
        field: 'quantity',
        reason: 'must not be negative',
      },
      {
        index: 1,
        id: 'backwards',
        field: 'termEnd',
        reason:
          '2026-01-01 is before termStart 2026-12-31: a term must end on or after its start',
      },
      {
        index: 2,
        id: 'nope',
        field: 'productId',
        reason:
          'unknown product "acme-unknown": define it in finopsItam.licenses.products or PUT /licenses/products',
      },
      {
        index: 3,
        id: 'bad-date',
        field: 'termEnd',
        reason: 'must be a date like 2026-01-31',
      },
      {
        index: 4,
        id: 'wrong-metric',
        field: 'metric',
        reason:
          'is per-user, but microsoft-sql-server-enterprise is licensed per-core',
      },
    ]);
  });

  it('accepts a payment schedule that adds up to the term cost, and rejects one that does not', () => {
    const payments = [
      { date: '2025-12-20', amount: '21736' },
      { date: '2026-07-01', amount: 21736 },
    ];
    const perUnit = {
      ...good,
      id: 'per-unit',
      cost: { amount: '2717', currency: 'USD', per: 'unit' },
    };
    const { entitlements, rejections } = validate([
      { ...good, payments },
      {
        ...good,
        id: 'short',
        payments: [{ date: '2026-01-01', amount: '43000' }],
      },
      { ...perUnit, payments: [{ date: '2026-01-01', amount: '2717' }] },
      { ...good, id: 'empty', payments: [] },
      {
        ...good,
        id: 'bad-payment',
        payments: [{ date: '2026-13-01', amount: '-1' }],
      },
    ]);
    expect(entitlements).toEqual([
      {
        ...good,
        metric: 'per-core',
        payments: [payments[0], { date: '2026-07-01', amount: '21736' }],
      },
    ]);
    expect(rejections).toEqual([
      {
        index: 1,
        id: 'short',
        field: 'payments',
        reason:
          'sum to 43000 USD, but the term cost is 43472: the payments must add up to it exactly',
      },
      {
        index: 2,
        id: 'per-unit',
        field: 'payments',
        reason:
          'sum to 2717 USD, but the term cost is 43472 (2717 per unit × 16): the payments must add up to it exactly',
      },
      {
        index: 3,
        id: 'empty',
        field: 'payments',
        reason: 'must list at least one payment, or be left out',
      },
      {
        index: 4,
        id: 'bad-payment',
        field: 'payments.0.date',
        reason: 'must be a date like 2026-01-31',
      },
      {
        index: 4,
        id: 'bad-payment',
        field: 'payments.0.amount',
        reason:
          'must be a decimal amount of 0 or more with at most 16 decimals, like 1200.50',
      },
    ]);
  });

  it('accepts the marketplace charge that bills an entitlement, named by sub account and SKU or resource', () => {
    const { entitlements, rejections } = validate([
      {
        ...good,
        sourceCharge: { subAccountId: 'acct-1', skuId: 'sql-ent-offer' },
      },
      { ...good, id: 'no-charge-id', sourceCharge: { subAccountId: 'acct-1' } },
      { ...good, id: 'no-account', sourceCharge: { resourceId: 'offer-1' } },
      {
        ...good,
        id: 'both',
        sourceCharge: { subAccountId: 'acct-1', resourceId: 'offer-1' },
        payments: [{ date: '2026-01-01', amount: '43472' }],
      },
    ]);
    expect(entitlements).toEqual([
      {
        ...good,
        metric: 'per-core',
        sourceCharge: { subAccountId: 'acct-1', skuId: 'sql-ent-offer' },
      },
    ]);
    expect(rejections).toEqual([
      {
        index: 1,
        id: 'no-charge-id',
        field: 'sourceCharge',
        reason:
          'needs skuId or resourceId besides subAccountId, to name the charge on the bill',
      },
      {
        index: 2,
        id: 'no-account',
        field: 'sourceCharge.subAccountId',
        reason: 'is required',
      },
      {
        index: 3,
        id: 'both',
        field: 'payments',
        reason:
          "cannot be given with sourceCharge: the bill's charge carries the cost and when it was paid",
      },
    ]);
  });

  it('keeps when a license was acquired and whether it is a subscription, for the BYOL rules', () => {
    const { entitlements, rejections } = validate([
      { ...good, acquiredOn: '2019-09-30', subscription: false },
      { ...good, id: 'no-such-day', acquiredOn: '2019-02-29' },
      { ...good, id: 'not-a-date', acquiredOn: 'last autumn' },
      { ...good, id: 'yes-please', subscription: 'yes' },
    ]);
    expect(entitlements).toEqual([
      {
        ...good,
        metric: 'per-core',
        acquiredOn: '2019-09-30',
        subscription: false,
      },
    ]);
    expect(rejections).toEqual([
      {
        index: 1,
        id: 'no-such-day',
        field: 'acquiredOn',
        reason: 'must be a date like 2026-01-31',
      },
      {
        index: 2,
        id: 'not-a-date',
        field: 'acquiredOn',
        reason: 'must be a date like 2026-01-31',
      },
      {
        index: 3,
        id: 'yes-please',
        field: 'subscription',
        reason: 'Expected boolean, received string',
      },
    ]);
  });

  it('names both records of a duplicate id', () => {
    const { entitlements, rejections } = validate([
      good,
      { ...good, quantity: 4 },
      { ...good, id: 'other' },
    ]);
    expect(entitlements.map(e => e.id)).toEqual(['other']);
    expect(rejections).toEqual([
      {
        index: 0,
        id: 'ea-sql',
        field: 'id',
        reason: 'duplicate id "ea-sql": also used by record 1',
      },
      {
        index: 1,
        id: 'ea-sql',
        field: 'id',
        reason: 'duplicate id "ea-sql": also used by record 0',
      },
    ]);
  });

  it('reports every missing field of a record at once', () => {
    const { rejections } = validate([{ id: 'bare' }]);
    expect(rejections.map(r => r.field).sort()).toEqual(
      ['cost', 'owner', 'productId', 'quantity', 'termEnd', 'termStart'].sort(),
    );
  });
});

describe('entitlement files', () => {
  it('reads CSV rows with their file row numbers and names both rows of a duplicate', () => {
    const csv = [
      'id,productId,quantity,costAmount,costCurrency,costPer,termStart,termEnd,owner,softwareAssurance',
      'a,rhel,2,799,USD,unit,2026-01-01,2026-12-31,group:default/team-platform,no',
      'a,rhel,-1,799,USD,unit,2026-01-01,2026-12-31,group:default/team-platform,yes',
    ].join('\n');
    const file = readEntitlementFile('contracts.csv', csv);
    expect(file.records[0]).toEqual({
      position: 2,
      value: {
        id: 'a',
        productId: 'rhel',
        quantity: '2',
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
        softwareAssurance: false,
        owner: 'group:default/team-platform',
        cost: { amount: '799', currency: 'USD', per: 'unit' },
      },
    });
    const { rejections } = validateEntitlements(file.records, products, {
      positionName: file.positionName,
      file: 'contracts.csv',
    });
    expect(rejections).toEqual([
      {
        index: 2,
        id: 'a',
        field: 'id',
        reason: 'duplicate id "a": also used by row 3',
        file: 'contracts.csv',
      },
      {
        index: 3,
        id: 'a',
        field: 'id',
        reason: 'duplicate id "a": also used by row 2',
        file: 'contracts.csv',
      },
      {
        index: 3,
        id: 'a',
        field: 'quantity',
        reason: 'must not be negative',
        file: 'contracts.csv',
      },
    ]);
  });

  it('reads acquiredOn and subscription columns', () => {
    const csv = [
      'id,productId,quantity,costAmount,costCurrency,termStart,termEnd,owner,acquiredOn,subscription',
      'w,microsoft-windows-server-datacenter,16,100,USD,2026-01-01,2026-12-31,team-itam,2019-06-14,no',
    ].join('\n');
    const { records } = readEntitlementFile('windows.csv', csv);
    expect(records[0].value).toMatchObject({
      acquiredOn: '2019-06-14',
      subscription: false,
    });
  });

  it('reads YAML and JSON lists or { entitlements: [...] }', () => {
    expect(
      readEntitlementFile('e.yaml', '- id: x\n  quantity: 1\n').records,
    ).toEqual([{ position: 0, value: { id: 'x', quantity: 1 } }]);
    expect(
      readEntitlementFile('e.json', '{"entitlements":[{"id":"y"}]}').records,
    ).toEqual([{ position: 0, value: { id: 'y' } }]);
  });

  it.each([
    ['e.yaml', 'entitlements: [', /not valid YAML/],
    ['e.json', '{', /not valid JSON/],
    ['e.yaml', 'entitlements: []', /holds no entitlements/],
    ['e.csv', 'id,colour\nx,red', /unknown column\(s\) colour/],
    ['e.txt', 'anything', /unknown format/],
    ['e.yaml', 'just: a map', /must hold a list/],
  ])('refuses %s with %p as a whole', (name, content, message) => {
    expect(() => readEntitlementFile(name, content)).toThrow(
      EntitlementFileError,
    );
    expect(() => readEntitlementFile(name, content)).toThrow(message);
  });
});

describe('the demo entitlements', () => {
  it('examples/licenses/entitlements.yaml loads without rejections', () => {
    const file = path.resolve(
      __dirname,
      '../../../../examples/licenses/entitlements.yaml',
    );
    const { records, positionName } = readEntitlementFile(
      file,
      readFileSync(file, 'utf8'),
    );
    const { entitlements, rejections } = validateEntitlements(
      records,
      products,
      { positionName },
    );
    expect(rejections).toEqual([]);
    expect(entitlements.map(e => e.productId).sort()).toEqual([
      'microsoft-sql-server-enterprise',
      'microsoft-windows-server-datacenter',
      'oracle-database-enterprise',
      'rhel',
      'saas-observability-seat',
    ]);
  });
});
