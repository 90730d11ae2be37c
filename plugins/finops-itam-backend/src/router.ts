import { AuditorService } from '@backstage/backend-plugin-api';
import { AllocationService } from './allocation/AllocationService';
import { CostQueryService } from './allocation/CostQueryService';
import express from 'express';
import Router from 'express-promise-router';
import { DatabaseCostStore } from './database/DatabaseCostStore';
import { IngestionService } from './ingestion/IngestionService';
import { HealthService } from './services/HealthService';
import { CostSourceRunner } from './sources/CostSourceRunner';
import { CostSourceStatusReader } from './sources/CostSourceStatusReader';
import { createAllocationRoutes } from './routes/allocation';
import { createEntityCostRoutes } from './routes/entityCost';
import { createHealthRoutes } from './routes/health';
import { createIngestionRoutes } from './routes/ingestions';
import { RequirePermission } from './routes/requirePermission';
import { createSourcesRoutes } from './routes/sources';

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
  allocation: Pick<AllocationService, 'run'>;
  costQueries: Pick<CostQueryService, 'entityCost' | 'coverage'>;
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
  return router;
}
