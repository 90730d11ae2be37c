import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { finopsItamCostReadPermission } from '@finops-itam/plugin-finops-itam-common';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { TeamCostService } from '../teams/TeamCostService';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface TeamCostRoutesOptions {
  teamCosts: Pick<TeamCostService, 'teamCost'>;
  requirePermission: RequirePermission;
}

/** The day `days` before `day` (both `YYYY-MM-DD`). */
function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) =>
  Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
      86_400_000,
  );

/**
 * The group a path names. The name may carry a kind, as refs copied from the catalog do
 * (`group:team-a`); any kind other than Group is a mistake worth a 400 rather than a 404.
 */
function groupRefOf(namespace: string, name: string) {
  const ref = parseEntityRef(name, {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `${stringifyEntityRef(ref)} is a ${
        ref.kind
      }, not a Group; team cost is read for groups, ` +
        `e.g. /teams/default/team-checkout`,
    );
  }
  return { namespace: ref.namespace, name: ref.name };
}

/**
 * `GET /teams/:namespace/:name/cost?from&to&basis`: a group's all-in cost and the entities it
 * owns against the previous period of the same length. Behind `finops-itam.cost.read` on the
 * group and, since the total includes other teams' entities, on every entity.
 */
export function createTeamCostRoutes(options: TeamCostRoutesOptions) {
  const { teamCosts, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/teams/:namespace/:name/cost', async (req, res) => {
    const group = groupRefOf(req.params.namespace, req.params.name);
    const groupRef = stringifyEntityRef({
      kind: 'group',
      ...group,
    }).toLocaleLowerCase('en-US');
    await requirePermission(req, finopsItamCostReadPermission, {
      resourceRef: groupRef,
      deniedMessage: `You don't have access to cost data for ${groupRef}`,
    });
    // A team's total includes what its Systems roll up, other teams' Components included.
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      `the cost of ${groupRef}`,
    );
    const query = parseQuery(periodQuery, req.query);
    const { from, to } = resolvePeriod(query);
    res.json(
      await teamCosts.teamCost(group, {
        previousFrom: daysBefore(from, daysBetween(from, to)),
        from,
        to,
        basis: query.basis,
      }),
    );
  });

  return router;
}
