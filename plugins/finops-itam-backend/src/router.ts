import { AuditorService } from '@backstage/backend-plugin-api';
import { AllocationService } from './allocation/AllocationService';
import { ChargebackReport } from './allocation/ChargebackReport';
import { CostQueryService } from './allocation/CostQueryService';
import { UnallocatedReport } from './allocation/UnallocatedReport';
import express from 'express';
import Router from 'express-promise-router';
import { DatabaseCostStore } from './database/DatabaseCostStore';
import { IngestionService } from './ingestion/IngestionService';
import { HealthService } from './services/HealthService';
import { CostSourceRunner } from './sources/CostSourceRunner';
import { CostSourceStatusReader } from './sources/CostSourceStatusReader';
import { createAllocationRoutes } from './routes/allocation';
import { createChargebackRoutes } from './routes/chargeback';
import { createEntityCostRoutes } from './routes/entityCost';
import { createHealthRoutes } from './routes/health';
import { createIngestionRoutes } from './routes/ingestions';
import { RequirePermission } from './permissions';
import { createSourcesRoutes } from './routes/sources';
import { createUnallocatedRoutes } from './routes/unallocated';
// licenses (issue 5): begin
import { createLicenseRoutes } from './routes/licenses';
import { LicenseService } from './licenses/LicenseService';
// licenses (issue 5): end
// finops-itam business metrics, unit cost and team cost: begin
import { DatabaseMetricStore } from './metrics/DatabaseMetricStore';
import { UnitCostService } from './metrics/UnitCostService';
import { TeamCostService } from './teams/TeamCostService';
import { createMetricsRoutes } from './routes/metrics';
import { createTeamCostRoutes } from './routes/teamCost';
import { createUnitCostRoutes } from './routes/unitCost';
// finops-itam business metrics, unit cost and team cost: end

/** What the router needs; grows as resources are added. */
export interface RouterOptions {
  health: HealthService;
  runner: CostSourceRunner;
  statuses: CostSourceStatusReader;
  ingestion: Pick<IngestionService, 'ingest'>;
  store: DatabaseCostStore;
  requirePermission: RequirePermission;
  auditor: AuditorService;
  /** `finopsItam.ingestion.uploadLimitMb`. */
  uploadLimitMb: number;
  allocation: Pick<AllocationService, 'run' | 'conflicts' | 'conflictCount'>;
  costQueries: Pick<CostQueryService, 'entityCostAnswer' | 'coverage'>;
  /** `GET /allocation/unallocated`. */
  unallocatedReport: Pick<UnallocatedReport, 'unallocated'>;
  /** `GET /chargeback`. */
  chargebackReport: Pick<ChargebackReport, 'chargeback'>;
  // licenses (issue 5): begin
  /** The license API. */
  licenses: LicenseService;
  /** Called after license writes, to recompute license cost. */
  onLicensesChanged?: () => void;
  // licenses (issue 5): end
  // business metrics, unit cost and team cost: begin
  /** `PUT /metrics/:name`. */
  metricStore: Pick<DatabaseMetricStore, 'replaceValues'>;
  /** `GET /entities/:kind/:namespace/:name/unit-cost`. */
  unitCosts: Pick<UnitCostService, 'unitCost'>;
  /** `GET /teams/:namespace/:name/cost`. */
  teamCosts: Pick<TeamCostService, 'teamCost'>;
  // business metrics, unit cost and team cost: end
}

/** Mounts every resource of the finops-itam API. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  // Before the default JSON parser: metric uploads have their own, larger body limit.
  router.use(createMetricsRoutes(options));
  router.use(express.json());
  router.use(createHealthRoutes(options.health));
  router.use(createSourcesRoutes(options));
  router.use(createIngestionRoutes(options));
  router.use(createEntityCostRoutes(options));
  router.use(createAllocationRoutes(options));
  const { unallocatedReport, chargebackReport, requirePermission } = options;
  router.use(createUnallocatedRoutes({ unallocatedReport, requirePermission }));
  router.use(createChargebackRoutes({ chargebackReport, requirePermission }));
  // licenses (issue 5): begin
  router.use(
    createLicenseRoutes({
      licenses: options.licenses,
      requirePermission,
      auditor: options.auditor,
      onLicensesChanged: options.onLicensesChanged,
    }),
  );
  // licenses (issue 5): end
  router.use(
    createUnitCostRoutes({ unitCosts: options.unitCosts, requirePermission }),
  );
  router.use(
    createTeamCostRoutes({ teamCosts: options.teamCosts, requirePermission }),
  );
  return router;
}
