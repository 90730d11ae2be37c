import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/** Checks that the caller of a request holds a permission; throws 401/403 otherwise. */
export type RequirePermission = (
  req: Request,
  permission: BasicPermission,
) => Promise<BackstageCredentials>;

/**
 * Users need the permission granted by the permission policy. Service principals (other
 * plugins, and scripts with the static token of Backstage external access) are decided by
 * the permissions service too: it allows them unless their access restrictions exclude
 * the permission, so a token limited to `finops-itam.read` cannot upload.
 */
export function createRequirePermission(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): RequirePermission {
  return async (req, permission) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`This needs the ${permission.name} permission`);
    }
    return credentials;
  };
}
