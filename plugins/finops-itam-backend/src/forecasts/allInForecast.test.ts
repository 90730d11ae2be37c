import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { Money } from '../money';
import { addKnownAmounts } from './addKnownAmounts';
import { forecastCost } from './forecastCost';
import { knownLicenseAmounts } from './knownLicenseAmounts';
import { periodContaining } from './periods';
import { horizonTo, projectPeriod } from './projectPeriod';
import { splitKnownAmounts } from './splitKnownAmounts';
import { dailySeries } from './__testUtils__/syntheticSeries';

// The flow the budgets feature runs for one entity: its cloud forecast, plus its share of
// the license amounts known from entitlements, projected to the end of a fiscal quarter (the
// actual days here are cloud cost only; the feature passes the entity's all-in actual cost).
describe('an all-in quarter projection', () => {
  const entity = 'component:default/checkout';
  const history = dailySeries('2026-10-01', 62, () => 100); // to 2026-12-01
  const entitlement: LicenseEntitlement = {
    id: 'sql-ea',
    productId: 'sql',
    metric: 'per-core',
    quantity: 10,
    cost: { per: 'term', amount: '3650', currency: 'USD' },
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    owner: 'group:default/itam',
  };

  function projectQuarter(basis: 'billed' | 'amortized') {
    // A fiscal year from November: the quarter is November to January.
    const quarter = periodContaining('2026-12-02', 'quarter', 11);
    const cloud = forecastCost(
      { currency: 'USD', absentDays: 'zero-cost', days: history },
      horizonTo('2026-12-02', quarter.end),
    );
    const { amounts } = knownLicenseAmounts({
      entitlements: [entitlement],
      positions: [],
      reservations: [],
      from: '2026-12-02',
      to: quarter.end,
      basis,
    });
    // The entity needs 4 of the product's 10 licenses; the owner keeps the unused 6.
    const mine = splitKnownAmounts(amounts, () => [
      { target: entity, weight: '4' },
      { target: 'group:default/itam', weight: '6' },
    ]).get(entity)!;
    const allIn = addKnownAmounts(cloud, mine);
    return {
      quarter,
      cloud,
      allIn,
      projection: projectPeriod(
        quarter,
        { currency: 'USD', days: history },
        allIn,
      ),
    };
  }

  it('adds the renewal share on its day on the billed basis', () => {
    const { quarter, projection, allIn } = projectQuarter('billed');
    expect(quarter).toMatchObject({ start: '2026-11-01', end: '2027-01-31' });
    // November and December 1 are actual (31 days at 100); 61 days of forecast at 100; the
    // renewal of 3,650 on 2027-01-01, 40 % of it the entity's.
    expect(allIn.known).toBe('1460');
    expect(allIn.days.find(d => d.day === '2027-01-01')?.expected).toBe('1560');
    expect(projection.actualToDate).toBe('3100');
    expect(projection.projected.expected).toBe(
      new Money(3100).plus(6100).plus(1460).toFixed(),
    );
  });

  it('adds the amortized share day by day on the amortized basis', () => {
    const { projection, allIn } = projectQuarter('amortized');
    // 3,650 over 365 days is 10 a day, 4 of it the entity's, for the 61 forecast days.
    expect(allIn.known).toBe('244');
    expect(allIn.days.every(d => d.known === '4')).toBe(true);
    expect(projection.projected.expected).toBe('9444');
  });
});
