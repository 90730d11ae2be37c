import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { finopsItamCostReadPermission } from '@finops-itam/plugin-finops-itam-common';
import {
  parseQuery,
  periodQuery,
  resolvePeriod,
} from '../allocation/costPeriod';
import { TeamCostService } from '../teams/TeamCostService';
import { RequirePermission } from '../permissions';
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
 * group and, since the totals may include other teams' entities (a System the team owns
 * rolls up its Components, whoever owns them), on every entity the answer's rollups include.
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
    const query = parseQuery(periodQuery, req.query);
    const { from, to } = resolvePeriod(query);
    const answer = await teamCosts.teamCost(group, {
      previousFrom: daysBefore(from, daysBetween(from, to)),
      from,
      to,
      basis: query.basis,
    });
    // Checked on the answer's own entities: the group's total and each listed System's
    // include what they roll up, other teams' Components included; a System the catalog
    // gave the team since the last allocation run is not yet in the group's stored rollup.
    await requirePermission(req, finopsItamCostReadPermission, {
      rollupsOf: [groupRef, ...answer.entities.map(e => e.entityRef)],
      what: `the cost of ${groupRef}`,
    });
    res.json(answer);
  });

  return router;
}
