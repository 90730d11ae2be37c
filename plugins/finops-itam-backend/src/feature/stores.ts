import { Knex } from 'knex';
import { DatabaseAllocationStore } from '../database/DatabaseAllocationStore';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { DatabaseLicenseStore } from '../licenses/DatabaseLicenseStore';
import { RollupLicenseCostReader } from '../licenses/RollupLicenseCostReader';
import { DatabaseMetricStore } from '../metrics/DatabaseMetricStore';
import { DatabaseMetricVolumeReader } from '../metrics/MetricVolumeReader';
import { EntityPeriodTotals } from '../teams/EntityPeriodTotals';

/**
 * The plugin's stores, one of each, shared by the features that read or write the same
 * tables (cost facts are written by ingestion and read by allocation, reports and teams).
 */
export interface FinopsItamStores {
  costs: DatabaseCostStore;
  allocations: DatabaseAllocationStore;
  metrics: DatabaseMetricStore;
  metricVolumes: DatabaseMetricVolumeReader;
  licenses: DatabaseLicenseStore;
  licenseCosts: RollupLicenseCostReader;
  entityPeriodTotals: EntityPeriodTotals;
}

/** Opens every store on the plugin's migrated database. */
export function createStores(db: Knex): FinopsItamStores {
  return {
    costs: new DatabaseCostStore(db),
    allocations: new DatabaseAllocationStore(db),
    metrics: new DatabaseMetricStore(db),
    metricVolumes: new DatabaseMetricVolumeReader(db),
    licenses: new DatabaseLicenseStore(db),
    licenseCosts: new RollupLicenseCostReader(db),
    entityPeriodTotals: new EntityPeriodTotals(db),
  };
}
