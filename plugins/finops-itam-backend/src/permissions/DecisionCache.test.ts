import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  finopsItamCostConditions,
  finopsItamCostReadPermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request } from 'express';
import { createRequirePermission } from './requirePermission';

const checkout = {
  resourceRef: 'component:default/checkout',
  deniedMessage: 'no checkout',
};
const search = {
  resourceRef: 'component:default/search',
  deniedMessage: 'no search',
};
const as = (header: string) =>
  ({ headers: { authorization: header } } as unknown as Request);
const alice = as(mockCredentials.user.header('user:default/alice'));
const bob = as(mockCredentials.user.header('user:default/bob'));

function setup(
  decide: () => Promise<any[]> | any[],
  options: { ttl?: number } = {},
) {
  let clock = 1_000_000;
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async () => decide()) as any,
  });
  const catalog = catalogServiceMock.mock({
    getEntityByRef: jest.fn(async () => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout', namespace: 'default' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
    })) as any,
  });
  const requirePermission = createRequirePermission({
    httpAuth: mockServices.httpAuth(),
    permissions,
    catalog,
    auth: mockServices.auth(),
    decisionTtlMs: options.ttl,
    now: () => clock,
  });
  return {
    requirePermission,
    permissions,
    catalog,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('requirePermission decision cache', () => {
  it("reuses a user's decision on the same entity for the TTL, then asks again", async () => {
    const { requirePermission, permissions, advance } = setup(() => [
      { result: AuthorizeResult.ALLOW },
    ]);
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);

    advance(4_999);
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);

    advance(1);
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('keys decisions by user, entity and permission', async () => {
    const { requirePermission, permissions } = setup(() => [
      { result: AuthorizeResult.ALLOW },
    ]);
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    await requirePermission(alice, finopsItamCostReadPermission, search);
    await requirePermission(bob, finopsItamCostReadPermission, checkout);
    await requirePermission(alice, finopsItamReadPermission);
    await requirePermission(alice, finopsItamReadPermission);
    expect(permissions.authorize).toHaveBeenCalledTimes(4);
  });

  it('remembers denials too, with the message of the entity asked about', async () => {
    const { requirePermission, permissions } = setup(() => [
      { result: AuthorizeResult.DENY },
    ]);
    await expect(
      requirePermission(alice, finopsItamCostReadPermission, checkout),
    ).rejects.toThrow('no checkout');
    await expect(
      requirePermission(alice, finopsItamCostReadPermission, checkout),
    ).rejects.toThrow('no checkout');
    await expect(
      requirePermission(alice, finopsItamReadPermission),
    ).rejects.toThrow(/finops-itam.read/);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('caches the outcome of a conditional decision, so the catalog is read once', async () => {
    const { requirePermission, permissions, catalog } = setup(() => [
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: finopsItamCostConditions.isEntityOwner({
          claims: ['group:default/team-a'],
        }),
      },
    ]);
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
  });

  it('shares one authorize call between concurrent checks', async () => {
    const { requirePermission, permissions } = setup(() => [
      { result: AuthorizeResult.ALLOW },
    ]);
    await Promise.all(
      Array.from({ length: 5 }, () =>
        requirePermission(alice, finopsItamCostReadPermission, checkout),
      ),
    );
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('does not remember a failed authorize call', async () => {
    let calls = 0;
    const { requirePermission, permissions } = setup(() => {
      calls += 1;
      if (calls === 1) throw new Error('permission backend unavailable');
      return [{ result: AuthorizeResult.ALLOW }];
    });
    await expect(
      requirePermission(alice, finopsItamCostReadPermission, checkout),
    ).rejects.toThrow('unavailable');
    await requirePermission(alice, finopsItamCostReadPermission, checkout);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('asks every time for service principals, and when the TTL is 0', async () => {
    const service = setup(() => [{ result: AuthorizeResult.ALLOW }]);
    const plugin = as(mockCredentials.service.header());
    await service.requirePermission(
      plugin,
      finopsItamCostReadPermission,
      checkout,
    );
    await service.requirePermission(
      plugin,
      finopsItamCostReadPermission,
      checkout,
    );
    expect(service.permissions.authorize).toHaveBeenCalledTimes(2);

    const uncached = setup(() => [{ result: AuthorizeResult.ALLOW }], {
      ttl: 0,
    });
    await uncached.requirePermission(
      alice,
      finopsItamCostReadPermission,
      checkout,
    );
    await uncached.requirePermission(
      alice,
      finopsItamCostReadPermission,
      checkout,
    );
    expect(uncached.permissions.authorize).toHaveBeenCalledTimes(2);
  });
});
