import { z } from 'zod';

/** The plugin's id, shared by the frontend, backend and catalog module. @public */
export const FINOPS_ITAM_PLUGIN_ID = 'finops-itam';

/**
 * Schema of `GET /api/finops-itam/health`, for clients that check they reach a compatible
 * backend; its type is the contract's `HealthResponse`. @public
 */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
});
