import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  AccountabilityResponse,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Accountability } from '../governance/accountability/Accountability';
import { RequirePermission } from '../permissions';
import { createTypedRoutes } from '../schema';

export interface AccountabilityRoutesOptions {
  accountability: Pick<Accountability, 'list'>;
  requirePermission: RequirePermission;
}

/** `group:default/checkout` from `checkout` or `Group:default/Checkout`; 400 when no ref. */
function ownerRefOf(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  try {
    const ref = parseEntityRef(value.trim(), { defaultKind: 'group' });
    return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
  } catch {
    throw new InputError(
      `Invalid query: ownerRef "${value}" is not an entity ref like group:default/team-checkout`,
    );
  }
}

/**
 * `GET /accountability`: who decides and who is consulted for each decision, with the
 * owner roles resolved for `ownerRef` when given (e.g. a budget's team).
 */
export function createAccountabilityRoutes(
  options: AccountabilityRoutesOptions,
) {
  const { accountability, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/accountability', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const ownerRef = ownerRefOf(req.query.ownerRef);
    const body: AccountabilityResponse = {
      decisions: accountability.list(ownerRef),
    };
    res.json(body);
  });

  return router;
}
