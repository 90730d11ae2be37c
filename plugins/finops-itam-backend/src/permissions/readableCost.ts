import { NotAllowedError } from '@backstage/errors';
import { finopsItamCostReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { requireCostOfEveryEntity } from './requireCostOfEveryEntity';
import { ROLLUP_KINDS } from './requirePermission';
import { RequirePermission } from './requirePermission';

/**
 * The items of a list whose cost the caller may read, for lists of many entities' amounts
 * (anomalies) that a team member should still see for what they own. With
 * `finops-itam.cost.read` on every entity, all of them (one check); otherwise those on an
 * entity the policy allows one by one (an owner rule), never a System's, Domain's or Group's
 * (their amounts include other teams' entities) and never one without an entity.
 */
export async function readableCost<T>(
  requirePermission: RequirePermission,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  req: Request<any, any, any, any>,
  items: T[],
  entityRefOf: (item: T) => string | null,
): Promise<T[]> {
  const refused = (error: unknown) => {
    if (error instanceof NotAllowedError) return false;
    throw error;
  };
  const allowsAll = await requireCostOfEveryEntity(
    requirePermission,
    req,
    'every entity',
  ).then(() => true, refused);
  if (allowsAll) return items;

  const refs = new Set<string>();
  for (const item of items) {
    const ref = entityRefOf(item)?.toLocaleLowerCase('en-US');
    if (ref && !ROLLUP_KINDS.has(ref.split(':')[0])) refs.add(ref);
  }
  const readable = new Set<string>();
  await Promise.all(
    [...refs].map(async ref => {
      const allowed = await requirePermission(
        req,
        finopsItamCostReadPermission,
        { resourceRef: ref, deniedMessage: ref },
      ).then(() => true, refused);
      if (allowed) readable.add(ref);
    }),
  );
  return items.filter(item => {
    const ref = entityRefOf(item)?.toLocaleLowerCase('en-US');
    return ref !== undefined && readable.has(ref);
  });
}
