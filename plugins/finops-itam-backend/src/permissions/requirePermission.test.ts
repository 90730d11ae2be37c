import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  finopsItamCostConditionalDecision,
  finopsItamCostConditions,
  finopsItamCostReadPermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { createRequirePermission } from './requirePermission';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    labels: { tier: 'gold' },
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};
const checkoutCost = {
  resourceRef: 'component:default/checkout',
  deniedMessage:
    "You don't have access to cost data for component:default/checkout",
};
const alice = mockCredentials.user('user:default/alice');
const request = {
  headers: { authorization: mockCredentials.user.header('user:default/alice') },
} as unknown as Request;

/** The service with a permission policy that answers `decision`, and a catalog holding checkout. */
function withPolicy(
  decision: Record<string, unknown>,
  options: { catalog?: boolean } = {},
) {
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async () => [decision]) as any,
  });
  const logger = { warn: jest.fn() };
  const requirePermission = createRequirePermission({
    httpAuth: mockServices.httpAuth(),
    permissions,
    logger,
    ...(options.catalog === false
      ? {}
      : {
          catalog: catalogServiceMock({ entities: [checkout] }),
          auth: mockServices.auth(),
        }),
    decisionTtlMs: 0,
  });
  return { requirePermission, permissions, logger };
}

const ownedBy = (claims: string[]) =>
  finopsItamCostConditionalDecision(
    finopsItamCostConditions.isEntityOwner({ claims }),
  );
const conditional = (
  conditions: PermissionCriteria<PermissionCondition<'catalog-entity'>>,
) => finopsItamCostConditionalDecision(conditions);

describe('requirePermission', () => {
  it('lets a caller through when the policy allows, and returns their credentials', async () => {
    const { requirePermission, permissions } = withPolicy({
      result: AuthorizeResult.ALLOW,
    });
    await expect(
      requirePermission(request, finopsItamReadPermission),
    ).resolves.toEqual(alice);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: finopsItamReadPermission }],
      { credentials: alice },
    );
  });

  it('refuses with 403 naming the permission when the policy denies', async () => {
    const { requirePermission } = withPolicy({ result: AuthorizeResult.DENY });
    await expect(
      requirePermission(request, finopsItamReadPermission),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'This needs the finops-itam.read permission',
    });
  });

  it("asks about the entity itself for an entity's cost, and refuses with the entity's message", async () => {
    const { requirePermission, permissions } = withPolicy({
      result: AuthorizeResult.DENY,
    });
    await expect(
      requirePermission(request, finopsItamCostReadPermission, checkoutCost),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: checkoutCost.deniedMessage,
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: finopsItamCostReadPermission,
          resourceRef: 'component:default/checkout',
        },
      ],
      { credentials: alice },
    );
  });

  it("lets the entity's owners read its cost under an ownership condition", async () => {
    const { requirePermission } = withPolicy(
      ownedBy(['user:default/alice', 'group:default/team-a']),
    );
    await expect(
      requirePermission(request, finopsItamCostReadPermission, checkoutCost),
    ).resolves.toEqual(alice);
  });

  it("refuses another team's member under an ownership condition", async () => {
    const { requirePermission } = withPolicy(
      ownedBy(['user:default/alice', 'group:default/team-b']),
    );
    await expect(
      requirePermission(request, finopsItamCostReadPermission, checkoutCost),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: checkoutCost.deniedMessage,
    });
  });

  it('applies the combinators, kind and the other rules of the catalog', async () => {
    const cases: Array<[string, any, boolean]> = [
      [
        'kind and owner',
        {
          allOf: [
            finopsItamCostConditions.isEntityKind({ kinds: ['component'] }),
            finopsItamCostConditions.isEntityOwner({
              claims: ['group:default/team-a'],
            }),
          ],
        },
        true,
      ],
      [
        'another kind',
        finopsItamCostConditions.isEntityKind({ kinds: ['System'] }),
        false,
      ],
      [
        'not owned by team-a',
        {
          not: finopsItamCostConditions.isEntityOwner({
            claims: ['group:default/team-a'],
          }),
        },
        false,
      ],
      [
        'a label the entity has',
        {
          rule: 'HAS_LABEL',
          resourceType: 'catalog-entity',
          params: { label: 'tier', value: 'gold' },
        },
        true,
      ],
      [
        'a label the entity lacks',
        {
          rule: 'HAS_LABEL',
          resourceType: 'catalog-entity',
          params: { label: 'pci' },
        },
        false,
      ],
    ];
    const outcomes = [];
    for (const [name, conditions] of cases) {
      const { requirePermission } = withPolicy(conditional(conditions));
      const allowed = await requirePermission(
        request,
        finopsItamCostReadPermission,
        checkoutCost,
      ).then(
        () => true,
        () => false,
      );
      outcomes.push([name, allowed]);
    }
    expect(outcomes).toEqual(cases.map(([name, , allowed]) => [name, allowed]));
  });

  it('denies a conditional answer on a resource type other than catalog entities', async () => {
    const { requirePermission, logger } = withPolicy({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-template',
      conditions: { rule: 'HAS_TAG', resourceType: 'scaffolder-template' },
    });
    await expect(
      requirePermission(request, finopsItamCostReadPermission, checkoutCost),
    ).rejects.toThrow(checkoutCost.deniedMessage);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('scaffolder-template'),
    );
  });

  it('denies, and says why in the log, what it cannot evaluate', async () => {
    const undecidable: Array<[string, any, { catalog?: boolean }, string]> = [
      [
        'a rule the catalog does not have',
        { rule: 'IS_IN_SYSTEM', resourceType: 'catalog-entity', params: {} },
        {},
        'component:default/checkout',
      ],
      [
        'malformed rule parameters',
        { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: {} },
        {},
        'component:default/checkout',
      ],
      [
        'an entity the catalog does not hold',
        finopsItamCostConditions.isEntityOwner({ claims: [] }),
        {},
        'component:default/nope',
      ],
      [
        'no catalog to load the entity from',
        finopsItamCostConditions.isEntityOwner({
          claims: ['group:default/team-a'],
        }),
        { catalog: false },
        'component:default/checkout',
      ],
    ];
    for (const [name, conditions, options, resourceRef] of undecidable) {
      const { requirePermission, logger } = withPolicy(
        conditional(conditions),
        options,
      );
      await expect(
        requirePermission(request, finopsItamCostReadPermission, {
          resourceRef,
          deniedMessage: `refused: ${name}`,
        }),
      ).rejects.toThrow(`refused: ${name}`);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(resourceRef),
      );
    }
  });
});
