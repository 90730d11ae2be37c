import { mockCredentials } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import { Knex } from 'knex';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  ALICE,
  BOB,
  CAROL,
  as,
  startWithOnboarding,
} from '../onboarding/__testUtils__/startWithOnboarding';

jest.setTimeout(120_000);

const API = '/api/finops-itam';
const today = DateTime.utc().toISODate()!;
const nextMonth = DateTime.utc().plus({ days: 30 }).toISODate()!;

/** The example, in an allowed region with the required tag: no policy failure. */
const billing = (changes: Record<string, unknown> = {}) => ({
  entityRef: 'component:default/new-billing',
  owner: 'group:default/team-payments',
  title: 'New billing service',
  goLive: nextMonth,
  procurement: 'enterprise-agreement',
  replaces: 'component:default/old-billing',
  tags: { 'cost-center': 'cc-42' },
  deployments: [
    {
      provider: 'AWS',
      region: 'eu-west-1',
      tenancy: 'shared',
      instanceType: 'm5.xlarge',
      vcpus: 4,
      count: 3,
      products: [
        { productId: 'microsoft-sql-server-standard', licenseModel: 'byol' },
      ],
    },
  ],
  saas: [{ productId: 'saas-observability-seat', seats: 12 }],
  estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
  ...changes,
});

/** The same workload in a region the policy does not allow: the policy check fails. */
const outsidePolicy = (changes: Record<string, unknown> = {}) =>
  billing({
    deployments: [{ ...billing().deployments[0], region: 'us-east-1' }],
    ...changes,
  });

describe('onboarding routes', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let env: Awaited<ReturnType<typeof startWithOnboarding>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      env = await startWithOnboarding(knex);
    });

    const file = (body: object, user = ALICE) =>
      request(env.server)
        .post(`${API}/onboarding/requests`)
        .set('Authorization', as(user))
        .send(body);
    const decide = (id: string, body: object, user = BOB) =>
      request(env.server)
        .post(`${API}/onboarding/requests/${id}/decision`)
        .set('Authorization', as(user))
        .send(body);
    const get = (id: string) =>
      request(env.server)
        .get(`${API}/onboarding/requests/${id}`)
        .set('Authorization', as(CAROL));
    const stored = async () =>
      Number(
        (await knex('finops_itam_onboarding_requests').count({ n: '*' }))[0].n,
      );

    it('files a request: 201 with its checks, cost estimate and reservations, history and a notification', async () => {
      const response = await file(billing());

      expect(response.status).toBe(201);
      const body = response.body;
      expect(body).toMatchObject({
        status: 'pending-review',
        entityRef: 'component:default/new-billing',
        owner: 'group:default/team-payments',
        goLive: nextMonth,
        replaces: 'component:default/old-billing',
        requestedBy: ALICE,
        decisions: [],
        estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
      });
      expect(body.checks.map((c: any) => c.id)).toEqual([
        'license-availability',
        'byol-eligibility',
        'policy',
        'cost-estimate',
        'budget-fit',
        'cheaper-option',
      ]);
      expect(body.checks.find((c: any) => c.id === 'policy').status).toBe(
        'pass',
      );
      expect(body.reservations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            productId: 'microsoft-sql-server-standard',
          }),
        ]),
      );
      expect(body.history).toEqual([
        expect.objectContaining({ by: ALICE, action: 'filed' }),
      ]);

      const notification = env.sent.find(
        n => n.payload.scope === `finops-itam:onboarding:${body.id}`,
      );
      expect(notification).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: [
            ALICE,
            'group:default/team-payments',
            'group:default/team-itam',
          ],
        },
        payload: {
          title: 'New onboarding request: New billing service',
          link: `/finops-itam/itam?request=${body.id}`,
        },
      });
      expect(env.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'onboarding-request-file' }),
      );

      const read = await get(body.id);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(body);
    });

    it.each([
      [
        'an unknown product',
        billing({
          deployments: [
            {
              ...billing().deployments[0],
              products: [{ productId: 'acme-db', licenseModel: 'byol' }],
            },
          ],
        }),
        'deployments[0].products[0].productId',
      ],
      [
        'an unknown instance type',
        billing({
          deployments: [
            { ...billing().deployments[0], instanceType: 'zz.odd', vcpus: 4 },
          ],
        }),
        'deployments[0].instanceType',
      ],
      [
        'an unknown region',
        billing({
          deployments: [{ ...billing().deployments[0], region: 'mars-1' }],
        }),
        'deployments[0].region',
      ],
      [
        'an unknown provider',
        billing({
          deployments: [
            { ...billing().deployments[0], provider: 'Acme Cloud' },
          ],
        }),
        'deployments[0].provider',
      ],
      [
        'a negative count',
        billing({
          deployments: [{ ...billing().deployments[0], count: -1 }],
        }),
        'deployments[0].count',
      ],
      [
        'vCPUs disagreeing with the instance type',
        billing({
          deployments: [{ ...billing().deployments[0], vcpus: 16 }],
        }),
        'deployments[0].vcpus',
      ],
      [
        'neither instance type nor vCPUs',
        billing({
          deployments: [
            {
              provider: 'AWS',
              region: 'eu-west-1',
              tenancy: 'shared',
              count: 1,
              products: [],
            },
          ],
        }),
        'deployments[0].vcpus',
      ],
      [
        'zero seats',
        billing({ saas: [{ productId: 'saas-observability-seat', seats: 0 }] }),
        'saas[0].seats',
      ],
      [
        'a deployed product under saas',
        billing({ saas: [{ productId: 'rhel', seats: 3 }] }),
        'saas[0].productId',
      ],
      [
        'a go-live date in the past',
        billing({ goLive: '2020-01-01' }),
        'goLive',
      ],
      [
        'a go-live day that does not exist',
        billing({ goLive: '2027-02-30' }),
        'goLive',
      ],
      [
        'a workload that is not a Component',
        billing({ entityRef: 'resource:default/billing-db' }),
        'entityRef',
      ],
      [
        'an owner that is not a Group',
        billing({ owner: 'user:default/alice' }),
        'owner',
      ],
      [
        'no deployments and no SaaS',
        billing({ deployments: [], saas: [] }),
        'deployments',
      ],
      [
        'an amount that is not a decimal',
        billing({ estimatedMonthlyCost: { amount: '1,800', currency: 'USD' } }),
        'estimatedMonthlyCost.amount',
      ],
      [
        'a currency that is not ISO 4217',
        billing({ estimatedMonthlyCost: { amount: '1800', currency: 'usd' } }),
        'estimatedMonthlyCost.currency',
      ],
    ])(
      'answers 400 naming the field for %s, and stores nothing',
      async (_case, body, field) => {
        const before = await stored();

        const response = await file(body);

        expect(response.status).toBe(400);
        expect(response.body.problems).toEqual(
          expect.arrayContaining([{ field, reason: expect.any(String) }]),
        );
        expect(await stored()).toBe(before);
      },
    );

    it('answers 400 naming the field when the body does not have the contract’s shape', async () => {
      const { title: _title, ...untitled } = billing();
      const response = await file(untitled);

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('title');
    });

    it('lists the contract validator’s problems by field, as its own checks do', async () => {
      const { title: _title, ...untitled } = billing();
      const body = {
        ...untitled,
        deployments: [{ ...billing().deployments[0], count: 1.5 }],
      };
      const before = await stored();
      const response = await file(body);

      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual(
        expect.arrayContaining([
          { field: 'title', reason: 'is required' },
          { field: 'deployments[0].count', reason: 'must be integer' },
        ]),
      );
      expect(await stored()).toBe(before);
    });

    it('needs the create permission to file', async () => {
      const response = await file(billing(), CAROL);
      expect(response.status).toBe(403);
    });

    it('updates an open request, which goes back to pending review with fresh checks', async () => {
      const filed = (await file(billing())).body;
      const changes = await decide(filed.id, {
        decision: 'request-changes',
        reason: 'Use two instances',
      });
      expect(changes.body.status).toBe('changes-requested');

      const response = await request(env.server)
        .put(`${API}/onboarding/requests/${filed.id}`)
        .set('Authorization', as(ALICE))
        .send(
          billing({
            title: 'New billing service, smaller',
            deployments: [{ ...billing().deployments[0], count: 2 }],
          }),
        );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'pending-review',
        title: 'New billing service, smaller',
        requestedBy: ALICE,
      });
      expect(response.body.deployments[0].count).toBe(2);
      expect(response.body.history.map((h: any) => h.action)).toEqual([
        'filed',
        'changes-requested',
        'updated',
      ]);
    });

    it('refuses an update with bad content and keeps the request as it was', async () => {
      const filed = (await file(billing())).body;

      const response = await request(env.server)
        .put(`${API}/onboarding/requests/${filed.id}`)
        .set('Authorization', as(ALICE))
        .send(billing({ goLive: '2020-01-01', title: 'Changed' }));

      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([
        { field: 'goLive', reason: expect.stringContaining('in the past') },
      ]);
      const read = await get(filed.id);
      expect(read.body.title).toBe('New billing service');
      expect(read.body.history).toHaveLength(1);
    });

    it('approving a request with a failed check needs an exception, recorded with who and when', async () => {
      const filed = (await file(outsidePolicy())).body;
      expect(filed.checks.find((c: any) => c.id === 'policy').status).toBe(
        'fail',
      );

      const refused = await decide(filed.id, {
        decision: 'approve',
        reason: 'Needed for the launch',
      });
      expect(refused.status).toBe(400);
      const failed = filed.checks
        .filter((c: any) => c.status === 'fail')
        .map((c: any) => c.id);
      expect(refused.body.problems).toEqual([
        {
          field: 'exception',
          reason: expect.stringContaining(
            `failed checks (${failed.join(', ')})`,
          ),
        },
      ]);
      expect((await get(filed.id)).body.status).toBe('pending-review');

      const approved = await decide(filed.id, {
        decision: 'approve',
        reason: 'Needed for the launch',
        exception:
          'us-east-1 until the EU capacity is there, agreed with security',
      });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      expect(approved.body.decisions).toEqual([
        {
          decision: 'approve',
          reason: 'Needed for the launch',
          exception:
            'us-east-1 until the EU capacity is there, agreed with security',
          failedChecks: failed,
          by: BOB,
          at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ]);
      expect(approved.body.history.map((h: any) => [h.action, h.by])).toEqual([
        ['filed', ALICE],
        ['approved', BOB],
      ]);
      const notification = env.sent
        .filter(n => n.payload.scope === `finops-itam:onboarding:${filed.id}`)
        .pop();
      expect(notification?.payload.title).toBe(
        'Onboarding request approved: New billing service',
      );
    });

    it('answers 400 to a decision or an update on a closed request', async () => {
      const filed = (await file(billing())).body;
      const rejected = await decide(filed.id, {
        decision: 'reject',
        reason: 'Duplicate of another request',
      });
      expect(rejected.body.status).toBe('rejected');

      const again = await decide(filed.id, {
        decision: 'approve',
        reason: 'Changed my mind',
      });
      expect(again.status).toBe(400);
      expect(again.body.problems).toEqual([
        { field: 'status', reason: expect.stringContaining('is rejected') },
      ]);
      const update = await request(env.server)
        .put(`${API}/onboarding/requests/${filed.id}`)
        .set('Authorization', as(ALICE))
        .send(billing());
      expect(update.status).toBe(400);
      expect(update.body.problems[0].field).toBe('status');
    });

    it('needs a reason for every decision', async () => {
      const filed = (await file(billing())).body;
      const response = await decide(filed.id, {
        decision: 'reject',
        reason: '  ',
      });
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([
        { field: 'reason', reason: 'is required' },
      ]);
    });

    it('answers 403 on a decision by a user without the review permission', async () => {
      const filed = (await file(billing())).body;
      for (const user of [ALICE, CAROL]) {
        const response = await decide(
          filed.id,
          { decision: 'approve', reason: 'Looks fine' },
          user,
        );
        expect(response.status).toBe(403);
      }
      expect((await get(filed.id)).body.status).toBe('pending-review');
    });

    it('answers 404 for an unknown request', async () => {
      expect((await get('no-such-request')).status).toBe(404);
      const decision = await decide('no-such-request', {
        decision: 'reject',
        reason: 'x',
      });
      expect(decision.status).toBe(404);
    });

    it('lists requests pending review first, then newest, filtered by status and owner', async () => {
      const owner = 'group:default/team-list';
      await file(billing({ owner, title: 'First' }));
      const second = (await file(billing({ owner, title: 'Second' }))).body;
      await file(billing({ owner, title: 'Third' }));
      await decide(second.id, { decision: 'reject', reason: 'Not needed' });

      const list = async (query: string) => {
        const response = await request(env.server)
          .get(`${API}/onboarding/requests?${query}`)
          .set('Authorization', as(CAROL));
        expect(response.status).toBe(200);
        return response.body.requests.map((r: any) => r.title);
      };

      expect(
        await list(`owner=${encodeURIComponent('Group:Default/Team-List')}`),
      ).toEqual(['Third', 'First', 'Second']);
      expect(await list('owner=team-list&status=rejected')).toEqual(['Second']);
      expect(
        await list(`owner=${encodeURIComponent(owner)}&status=pending-review`),
      ).toEqual(['Third', 'First']);
    });

    it("answers an entity's requests, newest first, and none for others", async () => {
      const entity = 'component:default/entity-route';
      await file(billing({ entityRef: entity, title: 'Older' }));
      await file(billing({ entityRef: entity, title: 'Newer' }));

      const response = await request(env.server)
        .get(`${API}/entities/Component/default/entity-route/onboarding`)
        .set('Authorization', as(CAROL));
      expect(response.status).toBe(200);
      expect(response.body.requests.map((r: any) => r.title)).toEqual([
        'Newer',
        'Older',
      ]);

      const none = await request(env.server)
        .get(`${API}/entities/component/default/nobody/onboarding`)
        .set('Authorization', as(CAROL));
      expect(none.body).toEqual({ requests: [] });
    });

    it('offers the regions, products and policies a form needs', async () => {
      const response = await request(env.server)
        .get(`${API}/onboarding/options`)
        .set('Authorization', as(CAROL));

      expect(response.status).toBe(200);
      const providers = response.body.providers.map((p: any) => [
        p.provider,
        p.allowed,
      ]);
      expect(providers).toEqual([
        ['AWS', true],
        ['Azure', true],
        ['Google Cloud', false],
      ]);
      expect(response.body.products).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            productId: 'saas-observability-seat',
            saas: true,
          }),
        ]),
      );
      expect(response.body.policies.marketplace).toBe('needs-approval');
      // The instance types a form offers, each with its provider and vCPUs.
      expect(response.body.instanceTypes).toContainEqual({
        provider: 'AWS',
        instanceType: 'm5.xlarge',
        vcpus: 4,
      });
    });

    it('reruns the checks when entitlements change, with a checks-changed entry and notification', async () => {
      const filed = (
        await file(
          billing({
            entityRef: 'component:default/needs-licenses',
            saas: [],
            deployments: [
              {
                ...billing().deployments[0],
                products: [{ productId: 'rhel', licenseModel: 'byol' }],
              },
            ],
          }),
        )
      ).body;
      const availability = (body: any) =>
        body.checks.find((c: any) => c.id === 'license-availability').status;
      expect(availability(filed)).not.toBe('pass');

      const put = await request(env.server)
        .put(`${API}/licenses/entitlements`)
        .set('Authorization', mockCredentials.service.header())
        .send([
          {
            id: 'rhel-onboarding',
            productId: 'rhel',
            quantity: 500,
            cost: { amount: '799', currency: 'USD', per: 'unit' },
            termStart: '2026-01-01',
            termEnd: '2099-12-31',
            owner: 'group:default/team-platform',
          },
        ]);
      expect(put.status).toBe(200);

      // The recheck runs in the background after the license write.
      let read = (await get(filed.id)).body;
      for (let i = 0; i < 50 && availability(read) !== 'pass'; i++) {
        await new Promise(resolve => setTimeout(resolve, 100));
        read = (await get(filed.id)).body;
      }
      expect(availability(read)).toBe('pass');
      expect(read.history.pop()).toMatchObject({
        action: 'checks-changed',
        by: 'plugin:finops-itam',
        detail: expect.stringContaining(
          `license-availability: ${availability(filed)} → pass`,
        ),
      });
      expect(
        env.sent
          .filter(n => n.payload.scope === `finops-itam:onboarding:${filed.id}`)
          .pop()?.payload.title,
      ).toBe('Onboarding checks changed: New billing service');
    });

    it('reserves licenses in the position once approved, until the workload shows up in cost data', async () => {
      const entityRef = 'component:default/going-live';
      const filed = (await file(billing({ entityRef, goLive: today }))).body;
      const reservedBy = async () => {
        const position = await request(env.server)
          .get(`${API}/licenses/position`)
          .set('Authorization', as(CAROL));
        expect(position.status).toBe(200);
        const sql = position.body.find(
          (p: any) => p.productId === 'microsoft-sql-server-standard',
        );
        return (sql?.reservations ?? []).filter(
          (r: any) => r.requestId === filed.id,
        );
      };
      expect(await reservedBy()).toEqual([]);

      const approval = await decide(filed.id, {
        decision: 'approve',
        reason: 'Go ahead',
        exception: 'Entitlements are being bought',
      });
      expect(approval.body.status).toBe('approved');
      const held = await reservedBy();
      expect(held).toEqual([
        expect.objectContaining({ requestId: filed.id, entityRef }),
      ]);
      expect(held[0].quantity).toBeGreaterThan(0);

      // Nothing billed yet: still approved after a recheck.
      await env.recheck();
      expect((await get(filed.id)).body.status).toBe('approved');

      await knex('finops_itam_entity_daily_cost').insert({
        entity_ref: entityRef,
        day: today,
        currency: 'USD',
        basis: 'amortized',
        direct: '12.5',
        shared: '0',
      });
      await env.recheck();

      const fulfilled = (await get(filed.id)).body;
      expect(fulfilled.status).toBe('fulfilled');
      expect(fulfilled.history.pop()).toMatchObject({
        action: 'fulfilled',
        detail: expect.stringContaining(`has cost from ${today}`),
      });
      expect(await reservedBy()).toEqual([]);
      const notification = env.sent
        .filter(n => n.payload.scope === `finops-itam:onboarding:${filed.id}`)
        .pop();
      expect(notification?.payload.title).toBe(
        'Onboarding request fulfilled: New billing service',
      );
    });
  });
});
