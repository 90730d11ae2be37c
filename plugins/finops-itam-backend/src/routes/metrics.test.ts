import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { normalizeAmount } from '../money';
import { METRIC_VALUES_TABLE } from '../database/tables';
import { startWithMetrics } from '../metrics/__testUtils__/startWithMetrics';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const put = (
  server: any,
  name: string,
  body: unknown,
  auth = mockCredentials.service.header(),
) =>
  request(server)
    .put(`/api/finops-itam/metrics/${name}`)
    .set('Authorization', auth)
    .send(body as object);

/** Stored rows with values as plain decimals (PostgreSQL numeric may carry trailing zeros). */
const storedRows = async (knex: any) =>
  (
    await knex(METRIC_VALUES_TABLE)
      .orderBy(['entity_ref', 'day'])
      .select(
        'metric',
        'entity_ref',
        'day',
        knex.raw('CAST(value AS TEXT) AS value'),
        'source',
      )
  ).map((row: any) => ({ ...row, value: normalizeAmount(row.value) }));

describe('PUT /metrics/:name', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'stores exact values, replaces the entity-days it is sent and keeps the others, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, auditor, event } = await startWithMetrics(knex);

      const first = await put(server, 'orders', {
        values: [
          {
            entityRef: 'Component:default/Checkout',
            date: '2026-11-01',
            value: '1250',
          },
          {
            entityRef: 'component:default/checkout',
            date: '2026-11-02',
            value: 0.1,
          },
          {
            entityRef: 'component:default/search',
            date: '2026-11-01',
            value: '12345678901234567890.0000000000000001',
          },
        ],
      });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ name: 'orders', accepted: 3 });

      const second = await put(server, 'orders', {
        values: [
          {
            entityRef: 'component:default/checkout',
            date: '2026-11-02',
            value: '7.50',
          },
        ],
      });
      expect(second.body).toEqual({ name: 'orders', accepted: 1 });

      const rows = await storedRows(knex);
      expect(rows.map((r: any) => [r.entity_ref, r.day, r.value])).toEqual([
        ['component:default/checkout', '2026-11-01', '1250'],
        ['component:default/checkout', '2026-11-02', '7.5'],
        [
          'component:default/search',
          '2026-11-01',
          '12345678901234567890.0000000000000001',
        ],
      ]);
      expect(
        rows.every(
          (r: any) => r.metric === 'orders' && r.source.startsWith('api:'),
        ),
      ).toBe(true);

      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'metric-values-write',
          meta: { metric: 'orders' },
        }),
      );
      expect(event.success).toHaveBeenCalledWith({
        meta: { metric: 'orders', accepted: 3 },
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects the whole request, listing every bad row, and stores nothing, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, event } = await startWithMetrics(knex);
      await put(server, 'orders', {
        values: [
          {
            entityRef: 'component:default/checkout',
            date: '2026-11-01',
            value: '5',
          },
        ],
      });

      const response = await put(server, 'orders', {
        values: [
          // Good rows, including a new value for a stored entity-day: none may be written.
          {
            entityRef: 'component:default/checkout',
            date: '2026-11-01',
            value: '999',
          },
          { entityRef: 'checkout', date: '2026-11-02', value: '1' },
          {
            entityRef: 'component:default/checkout',
            date: '2026-02-30',
            value: '1',
          },
          {
            entityRef: 'component:default/checkout',
            date: '2026-11-03',
            value: '-4',
          },
          {
            entityRef: 'component:default/checkout',
            date: '11/04/2026',
            value: '1e3',
          },
          { entityRef: 'component:default/search', date: '2026-11-01' },
          'not an object',
          {
            entityRef: 'component:default/search',
            date: '2026-11-02',
            value: '2',
          },
          {
            entityRef: 'component:default/search',
            date: '2026-11-02',
            value: '3',
          },
        ],
      });

      expect(response.status).toBe(400);
      expect(response.body.rejections).toEqual([
        {
          row: 1,
          field: 'entityRef',
          reason: expect.stringMatching(/"checkout" is not an entity ref/),
        },
        {
          row: 2,
          field: 'date',
          reason: '"2026-02-30" is not a calendar date',
        },
        {
          row: 3,
          field: 'value',
          reason: '-4 is negative; metric values are at least 0',
        },
        {
          row: 4,
          field: 'date',
          reason: '"11/04/2026" is not a date like 2026-11-01',
        },
        {
          row: 4,
          field: 'value',
          reason: expect.stringMatching(/"1e3" is not a plain decimal/),
        },
        {
          row: 5,
          field: 'value',
          reason: expect.stringMatching(/decimal number/),
        },
        {
          row: 6,
          field: 'row',
          reason: 'must be an object with entityRef, date and value',
        },
        {
          row: 8,
          field: 'date',
          reason: expect.stringMatching(
            /already has a value for 2026-11-02 in row 7/,
          ),
        },
      ]);
      expect(response.body.error.message).toMatch(
        /^Rejected all values of metric orders, nothing was stored: row 1 entityRef/,
      );
      expect(event.fail).toHaveBeenCalled();

      const rows = await storedRows(knex);
      expect(rows.map((r: any) => [r.entity_ref, r.day, r.value])).toEqual([
        ['component:default/checkout', '2026-11-01', '5'],
      ]);
      await knex.destroy();
    },
  );

  it('refuses bad metric names, bodies without values, and callers without the write permission', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startWithMetrics(knex);
    const value = {
      entityRef: 'component:default/checkout',
      date: '2026-11-01',
      value: '1',
    };

    const badName = await put(server, 'Orders%20Count', { values: [value] });
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(
      /"Orders Count" is not a metric name/,
    );

    const noValues = await put(server, 'orders', [value]);
    expect(noValues.status).toBe(400);
    expect(noValues.body.error.message).toMatch(/\{"values": \[/);

    const { server: denied, event } = await startWithMetrics(
      await databases.init('SQLITE_3'),
      { deny: true },
    );
    const forbidden = await put(
      denied,
      'orders',
      { values: [value] },
      mockCredentials.user.header(),
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toBe(
      'This needs the finops-itam.metrics.write permission',
    );
    expect(event.fail).toHaveBeenCalled();
    expect(await storedRows(knex)).toEqual([]);
  });

  it('accepts a year of daily values for dozens of entities in one request', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startWithMetrics(knex);
    const values = [];
    for (let entity = 0; entity < 40; entity++) {
      for (let day = 0; day < 365; day++) {
        const date = new Date(Date.UTC(2026, 0, 1 + day))
          .toISOString()
          .slice(0, 10);
        values.push({
          entityRef: `component:default/service-${entity}`,
          date,
          value: String(day),
        });
      }
    }
    const response = await put(server, 'orders', { values });
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(14_600);
    const [{ count }] = await knex(METRIC_VALUES_TABLE).count({ count: '*' });
    expect(Number(count)).toBe(14_600);
  });
});
