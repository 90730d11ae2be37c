import { finopsItamCostReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { RequirePermission } from './requirePermission';

/**
 * The check of every report that sums or lists the cost of many teams' entities
 * (chargeback, unallocated, coverage, KPIs, the budget list...). `finops-itam.cost.read`
 * must be granted on every entity, without conditions: an owner rule lets a team read its
 * own entities' cost, and a total that includes other teams' entities would show theirs
 * too. The rollup of one System, Domain, Group or team is decided per member instead
 * (`EntityRollups` in requirePermission). Throws 401/403.
 */
export async function requireCostOfEveryEntity(
  requirePermission: RequirePermission,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  req: Request<any, any, any, any>,
  what: string,
): Promise<void> {
  await requirePermission(req, finopsItamCostReadPermission, {
    everyEntity: true,
    deniedMessage:
      `You don't have access to ${what}: it includes the cost of every team's ` +
      `entities and needs finops-itam.cost.read on every entity, not only on some`,
  });
}
