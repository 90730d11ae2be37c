import { consumptionWindow, drawdown, DrawdownTerms } from './drawdown';

const prepaid: DrawdownTerms = {
  kind: 'prepaid',
  currency: 'USD',
  start: '2026-01-01',
  end: '2026-12-31',
  committed: '1000',
  contractedMonthlyRunRate: null,
};

const consumption: DrawdownTerms = {
  ...prepaid,
  kind: 'consumption',
  committed: null,
  contractedMonthlyRunRate: '100',
};

const byMonth = (entries: Record<string, string>) =>
  new Map(Object.entries(entries));

describe('consumptionWindow', () => {
  it('counts the days before asOf, up to and including the last day of the contract', () => {
    expect(consumptionWindow(prepaid, '2026-05-11')).toEqual({
      from: '2026-01-01',
      to: '2026-05-11',
    });
    expect(consumptionWindow(prepaid, '2027-02-01')).toEqual({
      from: '2026-01-01',
      to: '2027-01-01',
    });
    expect(consumptionWindow(prepaid, '2026-01-01')).toBeNull();
    expect(consumptionWindow(prepaid, '2025-12-01')).toBeNull();
  });
});

describe('drawdown of a prepaid contract', () => {
  it('projects the day the balance runs out at the rate of the last three full months, and warns when that is before the end', () => {
    const result = drawdown(
      prepaid,
      byMonth({
        '2026-01': '100',
        '2026-02': '120',
        '2026-03': '150',
        '2026-04': '180',
        '2026-05': '40',
      }),
      '2026-05-11',
    );
    // 1000 − 590 = 410 left. Feb–Apr: 450 over 89 days; 410 / (450 / 89) = 81.09 → the
    // 82nd day from 2026-05-11 (inclusive) is 2026-07-31.
    expect(result).toEqual({
      consumedToDate: '590',
      remaining: '410',
      recentMonthlyRunRate: '150',
      projectedExhaustion: '2026-07-31',
      status: 'warning',
      message:
        'At 150.00 USD a month (the last 3 full months) the 410.00 USD left run out on 2026-07-31, before the contract ends on 2026-12-31.',
      months: [
        { month: '2026-01', consumed: '100', remaining: '900' },
        { month: '2026-02', consumed: '120', remaining: '780' },
        { month: '2026-03', consumed: '150', remaining: '630' },
        { month: '2026-04', consumed: '180', remaining: '450' },
        { month: '2026-05', consumed: '40', remaining: '410' },
      ],
    });
  });

  it('is ok when the balance lasts past the end at the recent rate', () => {
    const result = drawdown(
      prepaid,
      byMonth({ '2026-01': '10', '2026-02': '10.5', '2026-03': '9.5' }),
      '2026-04-01',
    );
    // 970 left at 30 per 90 days lasts 2910 days.
    expect(result).toMatchObject({
      consumedToDate: '30',
      remaining: '970',
      recentMonthlyRunRate: '10',
      projectedExhaustion: null,
      status: 'ok',
      message:
        'At 10.00 USD a month (the last 3 full months) the 970.00 USD left last past the end on 2026-12-31.',
    });
  });

  it('is exhausted once consumption reaches the prepaid amount, naming the month', () => {
    const result = drawdown(
      prepaid,
      byMonth({ '2026-01': '600', '2026-02': '500', '2026-03': '20' }),
      '2026-03-10',
    );
    expect(result).toMatchObject({
      consumedToDate: '1120',
      remaining: '-120',
      projectedExhaustion: null,
      status: 'exhausted',
      message:
        'The 1000.00 USD prepaid were used up in 2026-02; 120.00 USD consumed beyond them.',
    });
    expect(result.months.map(m => m.remaining)).toEqual([
      '400',
      '-100',
      '-120',
    ]);
  });

  it('has not started before its first day: nothing drawn, nothing projected', () => {
    expect(
      drawdown(prepaid, byMonth({ '2025-12': '999' }), '2025-12-15'),
    ).toEqual({
      consumedToDate: '0',
      remaining: '1000',
      recentMonthlyRunRate: null,
      projectedExhaustion: null,
      status: 'not-started',
      message: 'Starts on 2026-01-01; nothing is drawn down before.',
      months: [],
    });
  });

  it('has started on its first day, with no month to project from yet', () => {
    expect(drawdown(prepaid, byMonth({}), '2026-01-01')).toMatchObject({
      consumedToDate: '0',
      remaining: '1000',
      status: 'ok',
      message:
        '1000.00 USD left; no full month of consumption yet to project from.',
      months: [],
    });
  });

  it('reports what was left unused once ended, from the months of the contract only', () => {
    const months = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `2026-${String(i + 1).padStart(2, '0')}`,
        '50',
      ]),
    );
    const result = drawdown(prepaid, byMonth(months), '2027-01-05');
    expect(result).toMatchObject({
      consumedToDate: '600',
      remaining: '400',
      recentMonthlyRunRate: '50',
      projectedExhaustion: null,
      status: 'ended',
      message:
        'Ended on 2026-12-31; 1000.00 USD prepaid, 400.00 USD left unused.',
    });
    expect(result.months).toHaveLength(12);
  });

  it('projects nothing when the recent months consumed nothing', () => {
    const result = drawdown(
      prepaid,
      byMonth({ '2026-01': '300', '2026-02': '0' }),
      '2026-05-01',
    );
    expect(result).toMatchObject({
      remaining: '700',
      recentMonthlyRunRate: '0',
      projectedExhaustion: null,
      status: 'ok',
      message:
        '700.00 USD left; nothing consumed in the last 3 full months, so no exhaustion is projected.',
    });
  });

  it('does not count a month the contract starts in the middle of as a full month', () => {
    const result = drawdown(
      { ...prepaid, start: '2026-01-15' },
      byMonth({ '2026-01': '500', '2026-02': '100' }),
      '2026-02-10',
    );
    expect(result).toMatchObject({
      consumedToDate: '600',
      recentMonthlyRunRate: null,
      projectedExhaustion: null,
      status: 'ok',
    });
  });
});

describe('drawdown of a consumption-based contract', () => {
  it('warns when the recent run rate exceeds the contracted one, by how much', () => {
    const result = drawdown(
      consumption,
      byMonth({
        '2026-01': '90',
        '2026-02': '120',
        '2026-03': '120',
        '2026-04': '130',
      }),
      '2026-05-01',
    );
    // Feb–Apr: 370 / 3 = 123.33…, 23.3 % above 100.
    expect(result).toEqual({
      consumedToDate: '460',
      remaining: null,
      recentMonthlyRunRate: '123.3333333333',
      projectedExhaustion: null,
      status: 'warning',
      message:
        'Consumption of 123.33 USD a month (the last 3 full months) exceeds the contracted 100.00 USD a month by 23.3 %.',
      months: [
        { month: '2026-01', consumed: '90', remaining: null },
        { month: '2026-02', consumed: '120', remaining: null },
        { month: '2026-03', consumed: '120', remaining: null },
        { month: '2026-04', consumed: '130', remaining: null },
      ],
    });
  });

  it('is ok at or below the contracted rate, averaging the full months there are', () => {
    const result = drawdown(
      consumption,
      byMonth({ '2026-01': '100', '2026-02': '40' }),
      '2026-02-20',
    );
    expect(result).toMatchObject({
      consumedToDate: '140',
      recentMonthlyRunRate: '100',
      status: 'ok',
      message:
        'Consumption of 100.00 USD a month (the last full month) is within the contracted 100.00 USD a month.',
    });
  });
});
