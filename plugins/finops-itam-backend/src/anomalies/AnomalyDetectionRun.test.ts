import { Knex } from 'knex';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  CAROL,
  as,
  spikeDay,
  startWithAnomalies,
} from './__testUtils__/startWithAnomalies';

jest.setTimeout(120_000);

const API = '/api/finops-itam';

describe('the scheduled anomaly detection', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    const list = async (server: any) => {
      const response = await request(server)
        .get(`${API}/anomalies`)
        .set('Authorization', as(CAROL));
      expect(response.status).toBe(200);
      return response.body.items;
    };

    it('finds the spike once, with its drivers, and tells the owning group once across two runs', async () => {
      const env = await startWithAnomalies(knex);

      await env.detect();

      const items = await list(env.server);
      expect(items).toHaveLength(1);
      const [spike] = items;
      expect(spike).toMatchObject({
        kind: 'cost-increase',
        entityRef: 'component:default/checkout',
        owner: 'group:default/team-checkout',
        date: spikeDay,
        lastDate: spikeDay,
        currency: 'USD',
        status: 'open',
        resolution: null,
        history: [],
        notifiedAt: expect.any(String),
      });
      expect(spike.actual).toMatch(/^5\d\d\.25$/);
      expect(Number(spike.impact)).toBeGreaterThan(390);
      expect(Number(spike.impact)).toBeLessThan(410);
      expect(spike.score).toBeGreaterThanOrEqual(3);
      // The Lambda function explains the 400 that appeared, and nothing else moved as much.
      expect(spike.drivers.slice(0, 2)).toEqual(
        expect.arrayContaining([
          { kind: 'service', name: 'AWS Lambda', impact: '400' },
          { kind: 'resource', name: 'fn-batch', impact: '400' },
        ]),
      );

      expect(env.sent).toHaveLength(1);
      expect(env.sent[0]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/team-checkout',
        },
        payload: {
          scope: `finops-itam:anomaly:${spike.id}`,
          topic: 'finops-itam anomaly',
          title: `Unusual cost increase: component:default/checkout on ${spikeDay}`,
        },
      });
      const link = new URL(env.sent[0].payload.link!, 'http://portal');
      expect(link.pathname).toBe('/catalog/default/component/checkout/cost');
      expect(link.searchParams.get('granularity')).toBe('day');
      expect(link.searchParams.get('anomaly')).toBe(spike.id);
      expect(link.searchParams.get('from')! < spikeDay).toBe(true);
      expect(link.searchParams.get('to')! > spikeDay).toBe(true);

      await env.detect();

      expect(await list(env.server)).toEqual(items);
      expect(env.sent).toHaveLength(1);
    });

    it('a failed send is tried again by the next run, and then sent once', async () => {
      const env = await startWithAnomalies(knex);
      env.control.failSends = true;

      await env.detect();

      const [stored] = await list(env.server);
      expect(stored.notifiedAt).toBeNull();
      expect(env.sent).toHaveLength(0);

      env.control.failSends = false;
      await env.detect();
      await env.detect();

      expect(env.sent).toHaveLength(1);
      expect((await list(env.server))[0].notifiedAt).toEqual(
        expect.any(String),
      );
    });

    it('with digest: true, tells each owner in one digest scoped to the owner and day', async () => {
      const env = await startWithAnomalies(knex, { digest: true });

      await env.detect();

      expect(env.sent).toHaveLength(1);
      expect(env.sent[0].payload.scope).toMatch(
        /^finops-itam:anomaly-digest:group:default\/team-checkout:\d{4}-\d{2}-\d{2}:cost-increase-/,
      );
    });

    it('reports nothing when the spike is under the minimum impact for its currency', async () => {
      const env = await startWithAnomalies(knex, {
        minImpact: { USD: '1000' },
      });

      await env.detect();

      expect(await list(env.server)).toEqual([]);
      expect(env.sent).toHaveLength(0);
    });
  });
});
