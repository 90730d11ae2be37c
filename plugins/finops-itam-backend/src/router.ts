import express from 'express';
import Router from 'express-promise-router';
import { HealthService } from './services/HealthService';
import { createHealthRoutes } from './routes/health';

/** What the router needs; grows as resources are added. */
export interface RouterOptions {
  health: HealthService;
}

/** Mounts every resource of the finops-itam API. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  router.use(createHealthRoutes(options.health));
  return router;
}
