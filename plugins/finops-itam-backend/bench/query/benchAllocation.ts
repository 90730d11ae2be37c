import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { AllocationService } from '../../src/allocation/AllocationService';
import { parseSharedCostConfig } from '../../src/allocation/shared';
import { DatabaseAllocationStore } from '../../src/database/DatabaseAllocationStore';
import { benchAuth } from './harness';

/** A logger that prints only errors, so the benchmarks' own lines stay readable. */
export const silentLogger = {
  info() {},
  warn() {},
  error: (m: unknown) => process.stderr.write(`error: ${m}\n`),
  debug() {},
  child() {
    return silentLogger;
  },
} as any;

/**
 * The real allocation service as the query and scale benchmarks run it: the generated
 * catalog, no fallback rules, and one shared pool (AWS Support, split evenly over
 * team-0's components), so answers carry shared cost as they would in a portal.
 */
export function benchAllocation(
  knex: Knex,
  catalog: Pick<CatalogService, 'getEntities'>,
) {
  const store = new DatabaseAllocationStore(knex);
  const allocation = new AllocationService({
    store,
    catalog,
    auth: benchAuth,
    logger: silentLogger,
    fallbackRules: [],
    sharedCost: parseSharedCostConfig({
      sharedCostPools: [
        {
          id: 'support',
          mode: 'showback',
          rows: { services: ['AWS Support'] },
          targets: { allComponentsOf: 'group:default/team-0' },
          method: 'even',
        },
      ],
    }),
  });
  return { store, allocation };
}
