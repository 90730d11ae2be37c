import {
  GlossaryResponse,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Glossary } from '../glossary/Glossary';
import { RequirePermission } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface GlossaryRoutesOptions {
  glossary: Pick<Glossary, 'list'>;
  requirePermission: RequirePermission;
}

/** `GET /glossary`: the shared FinOps and ITAM vocabulary, alphabetically. */
export function createGlossaryRoutes(options: GlossaryRoutesOptions) {
  const { glossary, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/glossary', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const body: GlossaryResponse = { terms: glossary.list() };
    res.json(body);
  });

  return router;
}
