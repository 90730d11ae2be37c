import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  finopsItamCostConditionalDecision,
  finopsItamCostConditions,
  finopsItamCostReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { createRequirePermission } from './requirePermission';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const system = (name: string, owner: string): Entity => ({
  ...component(name, owner),
  kind: 'System',
});

/** Storefront holds team A's web only; shop holds team A's checkout and team B's ledger. */
const catalog = [
  system('storefront', 'team-a'),
  component('web', 'team-a'),
  system('shop', 'team-a'),
  component('checkout', 'team-a'),
  component('ledger', 'team-b'),
];
const CLOSURE: Record<string, string[]> = {
  'system:default/storefront': [
    'system:default/storefront',
    'component:default/web',
  ],
  'system:default/shop': [
    'system:default/shop',
    'component:default/checkout',
    'component:default/ledger',
  ],
};

const alice = {
  headers: { authorization: mockCredentials.user.header('user:default/alice') },
} as unknown as Request;
const service = {
  headers: { authorization: mockCredentials.service.header() },
} as unknown as Request;
const ownerRule = finopsItamCostConditionalDecision(
  finopsItamCostConditions.isEntityOwner({
    claims: ['group:default/team-a'],
  }),
);

/**
 * requirePermission over a policy answering `everyEntity` without a resource and
 * `perEntity` on each entity, with the closure above, unless `closure: false`.
 */
function withPolicy(
  everyEntity: Record<string, unknown>,
  perEntity: Record<string, unknown> = everyEntity,
  options: { closure?: boolean } = {},
) {
  const permissions = mockServices.permissions.mock({
    authorizeConditional: jest.fn(async () => [everyEntity]) as any,
    authorize: jest.fn(async (requests: unknown[]) =>
      requests.map(() => perEntity),
    ) as any,
  });
  const rollupMembersOf = jest.fn(async (ref: string) => CLOSURE[ref] ?? []);
  const requirePermission = createRequirePermission({
    httpAuth: mockServices.httpAuth(),
    permissions,
    catalog: catalogServiceMock({ entities: catalog }),
    auth: mockServices.auth(),
    ...(options.closure === false ? {} : { rollupMembersOf }),
  });
  return { requirePermission, permissions, rollupMembersOf };
}

const rollupOf = (...refs: string[]) => ({
  rollupsOf: refs,
  what: `the cost of ${refs[0]}`,
});

describe('requirePermission on rollups', () => {
  it('lets a caller with cost on every entity through in one check, without reading members', async () => {
    const { requirePermission, permissions, rollupMembersOf } = withPolicy({
      result: AuthorizeResult.ALLOW,
    });
    await requirePermission(
      alice,
      finopsItamCostReadPermission,
      rollupOf('system:default/shop'),
    );
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).not.toHaveBeenCalled();
    expect(rollupMembersOf).not.toHaveBeenCalled();
  });

  it("lets an owner rule through when every member is the team's, asking for all members in one batch and reusing the decisions", async () => {
    const { requirePermission, permissions } = withPolicy(ownerRule);
    await requirePermission(
      alice,
      finopsItamCostReadPermission,
      rollupOf('system:default/storefront'),
    );
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: finopsItamCostReadPermission,
          resourceRef: 'system:default/storefront',
        },
        {
          permission: finopsItamCostReadPermission,
          resourceRef: 'component:default/web',
        },
      ],
      { credentials: mockCredentials.user('user:default/alice') },
    );
    // Within the decision cache's lifetime, the same members are not asked again.
    await requirePermission(
      alice,
      finopsItamCostReadPermission,
      rollupOf('system:default/storefront'),
    );
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it("refuses an owner rule when one member is another team's, saying how many without naming them", async () => {
    const { requirePermission } = withPolicy(ownerRule);
    const refusal = requirePermission(
      alice,
      finopsItamCostReadPermission,
      rollupOf('system:default/shop'),
    );
    await expect(refusal).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        "You don't have access to the cost of system:default/shop: it includes the cost " +
        'of 1 entity whose cost you may not read',
    });
    await expect(refusal).rejects.not.toMatchObject({
      message: expect.stringContaining('ledger'),
    });
  });

  it("checks every listed rollup's members: a team answer listing shop is refused though storefront alone is readable", async () => {
    const { requirePermission } = withPolicy(ownerRule);
    await expect(
      requirePermission(
        alice,
        finopsItamCostReadPermission,
        rollupOf(
          'system:default/storefront',
          'system:default/shop',
          'component:default/checkout',
        ),
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/of 1 entity whose cost/),
    });
  });

  it('counts every unreadable member under a denial', async () => {
    const { requirePermission } = withPolicy({ result: AuthorizeResult.DENY });
    await expect(
      requirePermission(
        alice,
        finopsItamCostReadPermission,
        rollupOf('system:default/shop'),
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/of 3 entities whose cost/),
    });
  });

  it('refuses a conditional decision without the rollup closure, rather than guess the members', async () => {
    const { requirePermission, permissions } = withPolicy(
      ownerRule,
      ownerRule,
      { closure: false },
    );
    await expect(
      requirePermission(
        alice,
        finopsItamCostReadPermission,
        rollupOf('system:default/storefront'),
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /needs finops-itam\.cost\.read on every entity/,
      ),
    });
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('decides a service principal per member too, batched, never cached', async () => {
    const { requirePermission, permissions } = withPolicy(
      { result: AuthorizeResult.DENY },
      { result: AuthorizeResult.ALLOW },
    );
    await requirePermission(
      service,
      finopsItamCostReadPermission,
      rollupOf('system:default/shop'),
    );
    await requirePermission(
      service,
      finopsItamCostReadPermission,
      rollupOf('system:default/shop'),
    );
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
    expect((permissions.authorize as jest.Mock).mock.calls[0][0]).toHaveLength(
      3,
    );
  });
});
