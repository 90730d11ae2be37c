import { Knex } from 'knex';
import { insertFacts } from '../../allocation/__testUtils__/facts';

/**
 * Cost facts of the shop catalog (startWithMetrics) over two adjacent 3-day periods:
 * previous [2026-10-29, 2026-11-01) and current [2026-11-01, 2026-11-04).
 *
 * | entity    | previous | current              |
 * |-----------|----------|----------------------|
 * | checkout  | 2.2      | 18.8000000000000001  |
 * | search    | 0        | 5                    |
 * | orders-db | 4        | 1                    |
 * | elsewhere | 0        | 100 (another team)   |
 */
export async function insertShopFacts(knex: Knex) {
  const checkout = { application: 'checkout' };
  await insertFacts(knex, [
    { day: '2026-10-29', tags: checkout, billedCost: '1.1' },
    { day: '2026-10-30', tags: checkout, billedCost: '1.1' },
    { day: '2026-11-01', tags: checkout, billedCost: '10' },
    { day: '2026-11-02', tags: checkout, billedCost: '5.5000000000000001' },
    { day: '2026-11-03', tags: checkout, billedCost: '3.3' },
    { day: '2026-11-02', resourceName: 'search-cluster-1', billedCost: '5' },
    { day: '2026-10-29', resourceName: 'orders-db-1', billedCost: '4' },
    { day: '2026-11-01', resourceName: 'orders-db-1', billedCost: '1' },
    {
      day: '2026-11-01',
      tags: { application: 'elsewhere' },
      billedCost: '100',
    },
  ]);
}
