import { stringifyEntityRef } from '@backstage/catalog-model';
import { finopsItamCostReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { requireCostOfEveryEntity } from './requireCostOfEveryEntity';
import { ROLLUP_KINDS, RequirePermission } from './requirePermission';

/**
 * The check of every `/entities/:kind/:namespace/:name/...` route that answers an entity's
 * cost (cost, unit cost, budget, forecast): `finops-itam.cost.read` on that entity, a
 * resource permission so that a policy can allow it per entity (e.g. to its owners).
 * A System, Domain or Group sums other entities' cost, which may be other teams', so it
 * also needs the permission on every entity its rollup includes (one check when the policy
 * allows every entity; each member otherwise). The members are those of the rollup closure
 * the stored rollups were summed with; an answer whose rollup comes from elsewhere passes
 * `rollups: 'everyEntity'` and needs cost on every entity instead.
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
  options: { rollups?: 'closureMembers' | 'everyEntity' } = {},
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
  if (!ROLLUP_KINDS.has(kind.toLocaleLowerCase('en-US'))) {
    return entityRef;
  }
  if (options.rollups === 'everyEntity') {
    await requireCostOfEveryEntity(
      requirePermission,
      req,
      `the cost of ${entityRef}`,
    );
  } else {
    await requirePermission(req, finopsItamCostReadPermission, {
      rollupsOf: [entityRef],
      what: `the cost of ${entityRef}`,
    });
  }
  return entityRef;
}
