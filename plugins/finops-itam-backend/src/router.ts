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
import { RequirePermission } from './routes/requirePermission';
import { createSourcesRoutes } from './routes/sources';
import { createUnallocatedRoutes } from './routes/unallocated';

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
  costQueries: Pick<CostQueryService, 'entityCost' | 'coverage'>;
  /** `GET /allocation/unallocated`. */
  unallocatedReport: Pick<UnallocatedReport, 'unallocated'>;
  /** `GET /chargeback`. */
  chargebackReport: Pick<ChargebackReport, 'chargeback'>;
}

/** Mounts every resource of the finops-itam API. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  router.use(createHealthRoutes(options.health));
  router.use(createSourcesRoutes(options));
  router.use(createIngestionRoutes(options));
  router.use(createEntityCostRoutes(options));
  router.use(createAllocationRoutes(options));
  const { unallocatedReport, chargebackReport, requirePermission } = options;
  router.use(createUnallocatedRoutes({ unallocatedReport, requirePermission }));
  router.use(createChargebackRoutes({ chargebackReport, requirePermission }));
  return router;
}
