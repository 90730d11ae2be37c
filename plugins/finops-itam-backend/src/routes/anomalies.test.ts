import { Knex } from 'knex';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  ALICE,
  CAROL,
  as,
  spikeDay,
  startWithAnomalies,
} from '../anomalies/__testUtils__/startWithAnomalies';

jest.setTimeout(120_000);

const API = '/api/finops-itam';

describe('anomaly routes', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let env: Awaited<ReturnType<typeof startWithAnomalies>>;
    let id: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      env = await startWithAnomalies(knex);
      await env.detect();
      const listed = await request(env.server)
        .get(`${API}/anomalies`)
        .set('Authorization', as(CAROL));
      id = listed.body.items[0].id;
    });

    beforeEach(async () => {
      // Every test starts from an open anomaly without history.
      await knex('finops_itam_anomaly_history').delete();
      await knex('finops_itam_anomalies').update({
        status: 'open',
        resolution: null,
        note: null,
      });
      env.auditor.createEvent.mockClear();
      env.event.success.mockClear();
      env.event.fail.mockClear();
    });

    const setStatus = (body: object, user = ALICE, anomalyId = id) =>
      request(env.server)
        .post(`${API}/anomalies/${anomalyId}/status`)
        .set('Authorization', as(user))
        .send(body);
    const list = (query = '') =>
      request(env.server)
        .get(`${API}/anomalies${query}`)
        .set('Authorization', as(CAROL));

    it('filters the list by days, entity (case-insensitive) and status', async () => {
      const after = (await list(`?from=${spikeDay}`)).body.items;
      const before = (await list(`?to=${spikeDay}`)).body.items;
      const byEntity = (await list('?entityRef=Component:default/Checkout'))
        .body.items;
      const other = (await list('?entityRef=component:default/search')).body
        .items;
      const resolved = (await list('?status=resolved')).body.items;

      expect(after.map((a: any) => a.id)).toEqual([id]);
      expect(before).toEqual([]);
      expect(byEntity.map((a: any) => a.id)).toEqual([id]);
      expect(other).toEqual([]);
      expect(resolved).toEqual([]);
    });

    it('acknowledges, then resolves with a reason and note, keeping each step in the history, audited', async () => {
      const acknowledged = await setStatus({ status: 'acknowledged' });
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body).toMatchObject({ id, status: 'acknowledged' });

      const resolved = await setStatus({
        status: 'resolved',
        resolution: 'expected',
        note: '  Month-end batch, planned  ',
      });

      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        resolution: 'expected',
        note: 'Month-end batch, planned',
      });
      expect(resolved.body.history).toEqual([
        {
          at: expect.any(String),
          by: ALICE,
          status: 'acknowledged',
          resolution: null,
          note: null,
        },
        {
          at: expect.any(String),
          by: ALICE,
          status: 'resolved',
          resolution: 'expected',
          note: 'Month-end batch, planned',
        },
      ]);
      expect((await list('?status=resolved')).body.items[0].history).toEqual(
        resolved.body.history,
      );
      expect(env.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'anomaly-status-change',
          meta: expect.objectContaining({ id, by: ALICE }),
        }),
      );
      expect(env.event.success).toHaveBeenCalledTimes(2);
    });

    it('reopens a resolved anomaly', async () => {
      await setStatus({ status: 'resolved', resolution: 'fixed' });

      const reopened = await setStatus({ status: 'open', note: 'It is back' });

      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'open', resolution: null });
      expect(reopened.body.history.map((h: any) => h.status)).toEqual([
        'resolved',
        'open',
      ]);
    });

    it('403 without finops-itam.anomaly.manage, nothing changed', async () => {
      const response = await setStatus({ status: 'acknowledged' }, CAROL);

      expect(response.status).toBe(403);
      expect((await list()).body.items[0]).toMatchObject({
        status: 'open',
        history: [],
      });
    });

    it('400 naming the field: resolving without a reason, nothing changed and the audit event failed', async () => {
      const response = await setStatus({ status: 'resolved' });

      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        /resolution is required to resolve/,
      );
      expect((await list()).body.items[0].status).toBe('open');
      expect(env.event.fail).toHaveBeenCalledTimes(1);
    });

    it('400 for a move the workflow does not allow, and for an unknown status', async () => {
      await setStatus({ status: 'resolved', resolution: 'false-positive' });

      const backwards = await setStatus({ status: 'acknowledged' });
      const unknown = await setStatus({ status: 'closed' });

      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toBe(
        'status a resolved anomaly can become open, not acknowledged',
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/status/);
      expect((await list()).body.items[0].status).toBe('resolved');
    });

    it('404 for an unknown anomaly', async () => {
      const response = await setStatus(
        { status: 'acknowledged' },
        ALICE,
        'cost-increase-000000000000000000000000',
      );

      expect(response.status).toBe(404);
    });
  });
});
