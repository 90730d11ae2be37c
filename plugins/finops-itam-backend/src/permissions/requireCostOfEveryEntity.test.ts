import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  finopsItamCostConditionalDecision,
  finopsItamCostConditions,
  finopsItamCostReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { requireCostOfEveryEntity } from './requireCostOfEveryEntity';
import { createRequirePermission } from './requirePermission';

const alice = {
  headers: { authorization: mockCredentials.user.header('user:default/alice') },
} as unknown as Request;

/** requirePermission over a policy whose answer without a resource is `decision`. */
function withPolicy(decision: Record<string, unknown>) {
  const permissions = mockServices.permissions.mock({
    authorizeConditional: jest.fn(async () => [decision]) as any,
  });
  const requirePermission = createRequirePermission({
    httpAuth: mockServices.httpAuth(),
    permissions,
    catalog: catalogServiceMock({ entities: [] }),
    auth: mockServices.auth(),
  });
  return { requirePermission, permissions };
}

describe('requireCostOfEveryEntity', () => {
  it('lets through a caller the policy allows cost on every entity, asking once without a resource', async () => {
    const { requirePermission, permissions } = withPolicy({
      result: AuthorizeResult.ALLOW,
    });
    await requireCostOfEveryEntity(requirePermission, alice, 'chargeback');
    await requireCostOfEveryEntity(requirePermission, alice, 'chargeback');
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [{ permission: finopsItamCostReadPermission }],
      { credentials: mockCredentials.user('user:default/alice') },
    );
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('refuses, naming the report, under an owner rule and under a denial', async () => {
    const ownerRule = finopsItamCostConditionalDecision(
      finopsItamCostConditions.isEntityOwner({
        claims: ['group:default/team-a'],
      }),
    );
    for (const decision of [ownerRule, { result: AuthorizeResult.DENY }]) {
      const { requirePermission } = withPolicy(decision);
      await expect(
        requireCostOfEveryEntity(requirePermission, alice, 'chargeback'),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(
          /^You don't have access to chargeback: .*finops-itam\.cost\.read on every entity/,
        ),
      });
    }
  });
});
