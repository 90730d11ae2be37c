import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { addDays } from '../licenses/days';
import { EntityForecastService } from './EntityForecastService';
import { licenseAmountsByEntity, LicenseFacts } from './entityLicenseAmounts';

const NOW = new Date('2026-12-10T08:00:00Z');
const TEAM = 'group:default/team-a';
const CHECKOUT = 'component:default/checkout';

/** 120 days to `to` (exclusive): 70 cloud and 30 license cost a day. */
function costAnswer(from: string, to: string): EntityCostResponse {
  const series = [];
  for (let day = from; day < to; day = addDays(day, 1)) {
    series.push({
      date: day,
      total: '100',
      direct: '60',
      shared: '10',
      licenses: '30',
    });
  }
  return {
    entityRef: CHECKOUT,
    currency: 'USD',
    series,
    otherCurrencies: [{ currency: 'EUR', total: '5' }],
  } as unknown as EntityCostResponse;
}

/** checkout uses all 10 licenses of a product renewed (paid) on 2027-01-01 for 3,650. */
const facts = {
  entitlements: [
    {
      id: 'ea-sql',
      productId: 'sql',
      metric: 'per-core',
      quantity: 10,
      cost: { per: 'term', amount: '3650', currency: 'USD' },
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      owner: TEAM,
    },
  ],
  position: [{ productId: 'sql', entitled: 10, required: 10, position: 0 }],
  consumptions: [{ productId: 'sql', entityRef: CHECKOUT, counted: 10 }],
} as unknown as LicenseFacts;

function service(version = { value: '1' }) {
  const costCalls: Array<{ from: string; to: string }> = [];
  const forecasts = new EntityForecastService({
    entityCost: async (_ref, period) => {
      costCalls.push(period);
      return costAnswer(period.from, period.to);
    },
    licenseFacts: async () => facts,
    reservations: async () => [],
    rollupMembersOf: async ref => (ref === TEAM ? [TEAM, CHECKOUT] : [ref]),
    // Cost data arrived up to 2026-12-07: the last complete day, not yesterday.
    latestCostDay: async () => '2026-12-07',
    costDataVersion: async () => version.value,
    splitLicenseAmounts: licenseAmountsByEntity,
    now: () => NOW,
  });
  return { forecasts, costCalls };
}

const ref = (kind: string, name: string) => ({
  kind,
  namespace: 'default',
  name,
});

describe('EntityForecastService', () => {
  it('fits the cloud part without the history’s license cost and adds the license amounts from entitlements', async () => {
    const { forecasts, costCalls } = service();
    const forecast = await forecasts.forecast(ref('component', 'checkout'));

    expect(forecast.through).toBe('2026-12-07');
    expect(costCalls[0]).toEqual({ from: '2025-11-03', to: '2026-12-08' });
    expect(forecast.cloud.method).toBe('holt-winters-additive');
    expect(forecast.allIn.days[0].day).toBe('2026-12-08');
    // The model saw 70 a day (direct + shared), not the 100 with licenses.
    expect(Number(forecast.cloud.days[0].expected)).toBeCloseTo(70, 0);
    // On the amortized basis the term costs 10 a day, checkout's all of it; in 2027 the renewal.
    expect(forecast.allIn.days[0].known).toBe('10');
    expect(
      Number(forecast.allIn.days[0].expected) -
        Number(forecast.cloud.days[0].expected),
    ).toBeCloseTo(10, 6);
    expect(forecast.licensesOnly.days[0]).toMatchObject({
      expected: '10',
      low: '10',
      high: '10',
    });
    // The renewal is listed on its payment day; the running term is not a change.
    expect(
      forecast.licensePayments.filter(p => p.reason === 'renewal')[0],
    ).toMatchObject({ day: '2027-01-01', amount: '3650' });
    expect(forecast.otherCurrencies).toEqual(['EUR']);
    // The horizon reaches the end of the 13th month.
    expect(forecast.allIn.days[forecast.allIn.days.length - 1].day).toBe(
      '2027-12-31',
    );
  });

  it('gives a team the license amounts of the entities it includes', async () => {
    const { forecasts } = service();
    const team = await forecasts.forecast(ref('group', 'team-a'));
    expect(team.allIn.days[0].known).toBe('10');
  });

  it('answers from its cache until the cost data version changes', async () => {
    const version = { value: '1' };
    const { forecasts, costCalls } = service(version);
    await forecasts.forecast(ref('component', 'checkout'));
    await forecasts.forecast(ref('component', 'checkout'));
    expect(costCalls).toHaveLength(1);
    version.value = '2';
    await forecasts.forecast(ref('component', 'checkout'));
    expect(costCalls).toHaveLength(2);
  });

  it('forecasts further when a budget period ends after the outlook', async () => {
    const { forecasts } = service();
    const forecast = await forecasts.forecast(ref('component', 'checkout'), {
      until: '2028-03-31',
    });
    expect(forecast.allIn.days[forecast.allIn.days.length - 1].day).toBe(
      '2028-03-31',
    );
  });
});
