import { Money } from '../money';
import { kpiAnswer } from './kpiAnswer';
import { KpiRow } from './KpiRow';
import { coveredRow, unusedRow, usageRow } from './__testUtils__/focusRows';

const valueOf = (kpi: { value: string | null }) => kpi.value;

/**
 * How a row's amounts are cut in two, each column in its own proportion, so each part has
 * rates unlike the whole row's: an average of per-row rates would then differ from the rate
 * of the sums.
 */
const FIRST_PART_SHARE = {
  listCost: 4,
  contractedCost: 5,
  effectiveCost: 2,
  billedCost: 2,
  commitmentDiscountQuantity: 8,
} as const;

/** The first part (amount / share) or the rest of a row's amounts, exactly. */
function partOf(row: KpiRow, part: 'first' | 'rest'): Partial<KpiRow> {
  const out: Partial<KpiRow> = {};
  for (const [key, share] of Object.entries(FIRST_PART_SHARE)) {
    const amount = row[key as keyof typeof FIRST_PART_SHARE];
    if (amount === null || amount === undefined) continue;
    const first = new Money(amount).dividedBy(share);
    out[key as keyof typeof FIRST_PART_SHARE] = (
      part === 'first' ? first : new Money(amount).minus(first)
    ).toFixed();
  }
  return out;
}

describe('kpiAnswer', () => {
  // USD: 45 of effective cost over two providers; EUR: 6, never added to it.
  const rows = [
    usageRow({ listCost: '10', contractedCost: '10', effectiveCost: '10' }),
    coveredRow({
      listCost: '20',
      contractedCost: '20',
      effectiveCost: '12',
      commitmentDiscountQuantity: '6',
    }),
    unusedRow({ effectiveCost: '3', commitmentDiscountQuantity: '2' }),
    usageRow({
      providerName: 'Microsoft',
      billingAccountId: 'acct-2',
      ownerRef: 'group:default/team-b',
      listCost: '25',
      contractedCost: '20',
      effectiveCost: '20',
    }),
    usageRow({
      currency: 'EUR',
      providerName: 'Microsoft',
      billingAccountId: 'acct-3',
      ownerRef: 'group:default/team-b',
      listCost: '8',
      contractedCost: '8',
      effectiveCost: '6',
    }),
  ];
  const options = { eligibleServiceCategories: ['Compute'] };

  it('answers in the currency with the most cost, the others beside it and never summed', () => {
    const answer = kpiAnswer(rows, options);

    expect(answer.currency).toBe('USD');
    expect(answer.effectiveSavingsRate.againstList).toEqual({
      // (55 − 45) / 55
      value: '0.181818',
      numerator: '10',
      denominator: '55',
      notCovered: '0',
    });
    // (50 − 45) / 50
    expect(answer.effectiveSavingsRate.againstContracted.value).toBe('0.1');
    expect(answer.commitmentUtilization).toMatchObject({
      value: '0.75',
      unit: 'Hours',
    });
    // 12 / (12 + 10 + 20)
    expect(answer.commitmentCoverage).toMatchObject({
      value: '0.285714',
      denominator: '42',
    });
    expect(answer.commitmentWaste.value).toBe('0.2');
    // 42 of 45 has an owner: the unused 3 has none.
    expect(answer.allocationCoverage).toMatchObject({
      value: '0.933333',
      denominator: '45',
    });
    expect(answer.groups).toBeUndefined();

    expect(answer.otherCurrencies).toHaveLength(1);
    const [eur] = answer.otherCurrencies;
    expect(eur.currency).toBe('EUR');
    expect(eur.effectiveSavingsRate.againstList).toEqual({
      value: '0.25',
      numerator: '2',
      denominator: '8',
      notCovered: '0',
    });
    expect(eur.allocationCoverage).toMatchObject({
      value: '1',
      denominator: '6',
    });
    expect(valueOf(eur.commitmentUtilization)).toBeNull();
    expect(valueOf(eur.commitmentWaste)).toBeNull();
    expect(valueOf(eur.commitmentCoverage)).toBe('0');
  });

  it('groups by provider within each currency, largest cost first', () => {
    const answer = kpiAnswer(rows, { ...options, groupBy: 'provider' });

    expect(answer.groups?.map(g => g.key)).toEqual(['AWS', 'Microsoft']);
    const [aws, microsoft] = answer.groups!;
    // AWS: list 30, paid 25; covered 12 of 12 + 10 eligible; 3 unused of 15; 22 of 25 owned.
    expect(valueOf(aws.effectiveSavingsRate.againstList)).toBe('0.166667');
    expect(valueOf(aws.commitmentCoverage)).toBe('0.545455');
    expect(valueOf(aws.commitmentWaste)).toBe('0.2');
    expect(valueOf(aws.allocationCoverage)).toBe('0.88');
    // Microsoft in USD: list 25, contracted 20, paid 20, nothing committed.
    expect(valueOf(microsoft.effectiveSavingsRate.againstList)).toBe('0.2');
    expect(valueOf(microsoft.effectiveSavingsRate.againstContracted)).toBe('0');
    expect(valueOf(microsoft.commitmentWaste)).toBeNull();

    expect(answer.otherCurrencies[0].groups?.map(g => g.key)).toEqual([
      'Microsoft',
    ]);
    expect(
      answer.otherCurrencies[0].groups![0].allocationCoverage.denominator,
    ).toBe('6');
  });

  it('groups by owner, the unallocated rows under a null key', () => {
    const answer = kpiAnswer(rows, { ...options, groupBy: 'owner' });
    expect(
      answer.groups?.map(g => [g.key, g.allocationCoverage.denominator]),
    ).toEqual([
      ['group:default/team-a', '22'],
      ['group:default/team-b', '20'],
      [null, '3'],
    ]);
  });

  it('groups by billing account', () => {
    const answer = kpiAnswer(rows, { ...options, groupBy: 'billingAccount' });
    expect(answer.groups?.map(g => g.key)).toEqual(['acct-1', 'acct-2']);
    expect(answer.otherCurrencies[0].groups?.map(g => g.key)).toEqual([
      'acct-3',
    ]);
  });

  it('gives the same answer on rows a store summed per dimension as on the rows themselves', () => {
    // Every formula is a ratio of sums, so a store may hand over SUMs grouped by the row's
    // dimensions (keeping unknown prices apart) instead of every fact.
    const parts = rows.flatMap(row => [
      { ...row, ...partOf(row, 'first') },
      { ...row, ...partOf(row, 'rest') },
    ]);
    expect(kpiAnswer(parts, { ...options, groupBy: 'owner' })).toEqual(
      kpiAnswer(rows, { ...options, groupBy: 'owner' }),
    );
  });

  it('answers with no currency and no values when there are no rows', () => {
    const answer = kpiAnswer([], { ...options, groupBy: 'owner' });
    expect(answer).toMatchObject({
      currency: null,
      otherCurrencies: [],
      groups: [],
      allocationCoverage: { value: null, denominator: '0' },
      effectiveSavingsRate: { againstList: { value: null } },
    });
  });
});
