import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { finopsItamPlugin } from '../plugin';

jest.setTimeout(120_000);

const accountability = {
  roles: {
    finops: 'group:default/team-finops',
    itam: 'team-itam',
    finance: 'group:default/finance',
  },
  decisions: {
    'policy-exception': {
      decides: 'group:default/cloud-board',
      consulted: ['itam', 'owner'],
    },
  },
};

describe('GET /accountability', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: Server;

    const start = async (deny = false) =>
      (
        await startTestBackend({
          features: [
            finopsItamPlugin,
            mockServices.database.factory({ knex }),
            catalogServiceMock.factory({ entities: [] }),
            mockServices.rootConfig.factory({
              data: { finopsItam: { accountability } },
            }),
            ...(deny
              ? [
                  mockServices.permissions.factory({
                    result: AuthorizeResult.DENY,
                  }),
                ]
              : []),
          ],
        })
      ).server;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await start();
    });

    const get = (query = '', to: Server = server) =>
      request(to)
        .get(`/api/finops-itam/accountability${query}`)
        .set('Authorization', mockCredentials.user.header());

    it('lists who decides and who is consulted, configured groups and overrides applied, the owner left open', async () => {
      const response = await get();
      expect(response.status).toBe(200);
      const decisions = response.body.decisions;
      expect(decisions.map((d: { id: string }) => d.id)).toEqual([
        'budget',
        'license-purchase',
        'shared-cost-method',
        'onboarding-approval',
        'anomaly-resolution',
        'policy-exception',
      ]);
      expect(decisions[0]).toMatchObject({
        title: 'Budget owner',
        decides: { role: 'owner', title: 'Owning team', ref: null },
        consulted: [
          { role: 'finance', title: 'Finance', ref: 'group:default/finance' },
          {
            role: 'finops',
            title: 'FinOps team',
            ref: 'group:default/team-finops',
          },
        ],
      });
      // Procurement has no group configured: named by role, without a ref.
      expect(decisions[1].consulted[0]).toEqual({
        role: 'procurement',
        title: 'Procurement',
        ref: null,
      });
      expect(decisions[5]).toMatchObject({
        decides: {
          role: null,
          title: 'group:default/cloud-board',
          ref: 'group:default/cloud-board',
        },
        consulted: [
          {
            role: 'itam',
            title: 'IT asset management',
            ref: 'group:default/team-itam',
          },
          { role: 'owner', title: 'Owning team', ref: null },
        ],
      });
    });

    it('names the owner for a given ownerRef, written as a group ref or a bare name', async () => {
      for (const ownerRef of ['Group:default/Checkout', 'checkout']) {
        const response = await get(`?ownerRef=${encodeURIComponent(ownerRef)}`);
        expect(response.status).toBe(200);
        expect(response.body.decisions[0].decides).toEqual({
          role: 'owner',
          title: 'Owning team',
          ref: 'group:default/checkout',
        });
      }
    });

    it('answers 400 for an ownerRef that is no entity ref', async () => {
      const response = await get('?ownerRef=group:default/');
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/ownerRef/);
    });

    it('answers 403 without finops-itam.read', async () => {
      expect((await get('', await start(true))).status).toBe(403);
    });
  });
});
