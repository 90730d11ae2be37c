import { stringifyEntityRef } from '@backstage/catalog-model';
import { finopsItamCostReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { requireCostOfEveryEntity } from './requireCostOfEveryEntity';
import { RequirePermission } from './requirePermission';

/**
 * Kinds whose cost is a rollup of other entities (`src/allocation/rollupMembers.ts`): a
 * System's Components and Resources, a Domain's Systems, everything a Group owns. Their
 * members may belong to other teams, so their totals need cost on every entity.
 */
export const ROLLUP_KINDS = new Set(['system', 'domain', 'group']);

/**
 * The check of every `/entities/:kind/:namespace/:name/...` route that answers an entity's
 * cost (cost, unit cost, budget, forecast): `finops-itam.cost.read` on that entity, a
 * resource permission so that a policy can allow it per entity (e.g. to its owners).
 * A System, Domain or Group sums other entities' cost, so it also needs the permission on
 * every entity ({@link requireCostOfEveryEntity}).
 * Answers the entity's ref, lowercased as the catalog compares refs; throws 401/403.
 */
export async function requireEntityCostRead(
  requirePermission: RequirePermission,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  req: Request<
    { kind: string; namespace: string; name: string },
    any,
    any,
    any
  >,
): Promise<string> {
  const { kind, namespace, name } = req.params;
  const entityRef = stringifyEntityRef({
    kind,
    namespace,
    name,
  }).toLocaleLowerCase('en-US');
  await requirePermission(req, finopsItamCostReadPermission, {
    resourceRef: entityRef,
    deniedMessage: `You don't have access to cost data for ${entityRef}`,
  });
  if (ROLLUP_KINDS.has(kind.toLocaleLowerCase('en-US'))) {
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      `the cost of ${entityRef}`,
    );
  }
  return entityRef;
}
