import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createGlossaryRoutes } from '../routes/glossary';
import { readGlossary } from './glossaryConfig';

/**
 * The glossary: the shipped FinOps and ITAM terms with the organisation's additions and
 * overrides from `finopsItam.glossary`, read (and checked) at start-up.
 */
export const createGlossaryFeature: FinopsItamFeatureFactory = core => {
  const glossary = readGlossary(core.config);
  return {
    id: 'glossary',
    routes: [
      {
        mount: router =>
          router.use(
            createGlossaryRoutes({
              glossary,
              requirePermission: core.requirePermission,
            }),
          ),
      },
    ],
  };
};
