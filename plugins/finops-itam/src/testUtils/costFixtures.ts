import {
  CostSourceStatus,
  EntityCostResponse,
  UnitCostResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { EntityCostOptions } from '../api';
import { makeMappedCost } from './fixtures';

/** The day the Cost tab tests run on: the default period is then 2026-10-28 – 2026-11-26. */
export const TEST_NOW = new Date('2026-11-27T10:00:00Z');

/**
 * Pins `new Date()` to {@link TEST_NOW} and fakes nothing else, so promises, timers and
 * user-event behave normally.
 */
export function pinTodayForTests() {
  jest.useFakeTimers({
    now: TEST_NOW,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/**
 * A mapped cost (total 1234.56 USD) for any period asked for, except for the period of the
 * default selection's comparison (from 2026-09-28), whose total is `previousTotal`.
 */
export function costByPeriod(
  options: { previousTotal?: string } = {},
): (ref: unknown, query?: EntityCostOptions) => Promise<EntityCostResponse> {
  return async (_ref, query) => {
    const from = query?.from ?? '2026-10-28';
    const to = query?.to ?? '2026-11-27';
    if (from === '2026-09-28') {
      const total = options.previousTotal ?? '1000';
      return makeMappedCost({
        from,
        to,
        granularity: 'month',
        total,
        direct: total,
        shared: '0',
        series: [],
      });
    }
    return makeMappedCost({
      from,
      to,
      granularity: query?.granularity ?? 'day',
      series: [
        {
          date: '2026-11-25',
          total: '34.56',
          direct: '30.5',
          shared: '4.06',
          licenses: '0',
        },
        {
          date: '2026-11-26',
          total: '1200',
          direct: '1004.06',
          shared: '195.94',
          licenses: '0',
        },
      ],
      byChargeCategory: [
        { chargeCategory: 'Usage', total: '1100.06' },
        { chargeCategory: 'Tax', total: '-65.5' },
      ],
      byResource: [
        {
          resourceId: 'i-0abc',
          resourceName: 'checkout-vm-1',
          serviceName: 'Amazon Elastic Compute Cloud',
          total: '1000',
        },
        {
          resourceId: 'arn:aws:s3:::checkout',
          resourceName: '=HYPERLINK("http://evil","x")',
          serviceName: 'Amazon Simple Storage Service',
          total: '34.56',
        },
      ],
    });
  };
}

/** A unit cost of orders with a short daily series. */
export function makeUnitCost(
  overrides: Partial<UnitCostResponse> = {},
): UnitCostResponse {
  return {
    entityRef: 'component:default/checkout',
    metric: 'orders',
    currency: 'USD',
    from: '2026-10-28',
    to: '2026-11-27',
    allInCost: '1234.56',
    volume: '30000',
    unitCost: '0.041152',
    series: [
      {
        date: '2026-11-25',
        allInCost: '34.56',
        volume: '800',
        unitCost: '0.0432',
      },
      { date: '2026-11-26', allInCost: '1200', volume: '0', unitCost: null },
      { date: '2026-11-27', allInCost: '40', volume: '1000', unitCost: '0.04' },
    ],
    ...overrides,
  };
}

/** The unit cost of an entity that names no metric. */
export function makeNoMetricUnitCost(): UnitCostResponse {
  return makeUnitCost({
    metric: null,
    volume: '0',
    unitCost: null,
    series: [],
  });
}

/** A configured cost source whose data reaches `dataThrough`. */
export function makeSource(
  id: string,
  dataThrough: string | null,
): CostSourceStatus {
  return {
    id,
    location: `exports/${id}`,
    schedule: 'PT1H',
    lastRun: {
      ingestionId: `ing-${id}`,
      at: '2026-11-27T06:00:00.000Z',
      status: 'succeeded',
      message: 'ok',
      rows: { read: 100, accepted: 98, rejected: 2 },
      warnings: [
        {
          column: 'ContractedCost',
          count: 3,
          reason: 'is empty; stored as unknown',
          rows: [4, 9, 17],
        },
      ],
    },
    lastIngestion: null,
    dataThrough,
    schemaDrift: null,
  };
}
