import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createTeamCostRoutes } from '../routes/teamCost';
import { TeamCostService } from './TeamCostService';

/** `GET /teams/:namespace/:name/cost`: a group's cost and that of what it owns. */
export const createTeamsFeature: FinopsItamFeatureFactory = core => {
  const teamCosts = new TeamCostService({
    totals: core.stores.entityPeriodTotals,
    volumes: core.stores.metrics,
    catalog: core.catalog,
    auth: core.auth,
  });
  return {
    id: 'teams',
    routes: [
      {
        mount: router =>
          router.use(
            createTeamCostRoutes({
              teamCosts,
              requirePermission: core.requirePermission,
            }),
          ),
      },
    ],
  };
};
