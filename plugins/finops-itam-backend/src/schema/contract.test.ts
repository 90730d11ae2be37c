import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startWithFacts } from '../allocation/__testUtils__/startWithFacts';
import { focusCsv } from '../sources/__fixtures__/focusCsv';
import { contractProblems } from './__testUtils__/contractProblems';

jest.setTimeout(120_000);

const user = mockCredentials.user.header();
const service = mockCredentials.service.header();

/** Every route with the answers a test can reach without uploading files. */
const READS: Array<[string, string]> = [
  ['GET', '/health'],
  ['GET', '/sources'],
  ['GET', '/ingestions?limit=5'],
  ['GET', '/ingestions/nope'],
  [
    'GET',
    '/entities/component/default/checkout/cost?from=2026-11-01&to=2026-12-01',
  ],
  [
    'GET',
    '/entities/system/default/shop/cost?from=2026-11-01&to=2026-12-01&granularity=month&basis=billed',
  ],
  ['GET', '/entities/component/default/nope/cost'],
  [
    'GET',
    '/entities/component/default/checkout/cost?from=2026-13-01&granularity=week',
  ],
  [
    'GET',
    '/entities/component/default/checkout/unit-cost?from=2026-11-01&to=2026-12-01',
  ],
  ['GET', '/entities/component/default/checkout/licenses'],
  ['GET', '/entities/system/default/shop/licenses'],
  ['GET', '/teams/default/team-a/cost?from=2026-11-01&to=2026-12-01'],
  ['GET', '/teams/default/component:checkout/cost'],
  ['GET', '/allocation/coverage?from=2026-11-01&to=2026-12-01'],
  ['GET', '/allocation/conflicts'],
  ['GET', '/allocation/unallocated?from=2026-11-01&to=2026-12-01&limit=5'],
  ['GET', '/chargeback?month=2026-11'],
  ['GET', '/chargeback?month=2026-11&format=csv'],
  ['GET', '/chargeback'],
  ['GET', '/licenses/products'],
  ['GET', '/licenses/entitlements'],
  ['GET', '/licenses/position'],
  ['GET', '/licenses/reharvest'],
  ['GET', '/licenses/catalog'],
  ['GET', '/licenses/unknown-products'],
  ['GET', '/licenses/compliance'],
  ['GET', '/onboarding/requests'],
  ['GET', '/onboarding/requests?status=approved&owner=group:default/team-a'],
  ['GET', '/onboarding/requests/nope'],
  ['GET', '/onboarding/options'],
  ['GET', '/entities/component/default/checkout/onboarding'],
];

async function answersOf(
  server: Server,
  calls: Array<[string, string, unknown?]>,
  authorization: string,
) {
  const problems: string[] = [];
  for (const [method, path, body] of calls) {
    const url = `/api/finops-itam${path}`;
    const call = request(server)
      [method.toLowerCase() as 'get' | 'put' | 'post'](url)
      .set('Authorization', authorization);
    const answer = await (body === undefined
      ? call
      : call.send(body as object));
    problems.push(...contractProblems(method, url, answer));
  }
  return problems;
}

describe('the contract (src/schema/openapi.yaml)', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'describes every answer of every route, errors included, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await startWithFacts(knex);
      const run = await answersOf(
        server,
        [['POST', '/allocation/run']],
        service,
      );
      const reads = await answersOf(server, READS, user);
      const writes = await answersOf(
        server,
        [
          [
            'PUT',
            '/metrics/orders',
            {
              values: [
                {
                  entityRef: 'component:default/checkout',
                  date: '2026-11-01',
                  value: '12',
                },
              ],
            },
          ],
          [
            'PUT',
            '/metrics/orders',
            { values: [{ entityRef: 'nope', date: 'today', value: 'x' }] },
          ],
          ['PUT', '/licenses/products', []],
          ['PUT', '/licenses/entitlements', [{ id: 'x' }]],
          ['PUT', '/licenses/seats/nope', { seats: [] }],
          ['POST', '/sources/nope/refresh'],
        ],
        service,
      );
      expect([...run, ...reads, ...writes]).toEqual([]);
      await knex.destroy();
    },
  );

  it('describes the answers of a caller without permission', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startWithFacts(knex, { deny: true });
    expect(await answersOf(server, READS.slice(1, 8), user)).toEqual([]);
    await knex.destroy();
  });

  it('describes the answers of an upload, ingested and rejected', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startWithFacts(knex);
    const upload = (csv: string) =>
      request(server)
        .post('/api/finops-itam/ingestions')
        .set('Authorization', service)
        .field('source', 'contract-test')
        .attach('file', Buffer.from(csv), 'export.csv');
    const url = '/api/finops-itam/ingestions';
    const ingested = await upload(focusCsv([{ day: 5, cost: '1.25' }]));
    const rejected = await upload('not,a,focus,export\n1,2,3,4\n');
    expect([ingested.status, rejected.status]).toEqual([201, 400]);
    expect([
      ...contractProblems('POST', url, ingested),
      ...contractProblems('POST', url, rejected),
    ]).toEqual([]);
    await knex.destroy();
  });

  it('words a 400 from the spec by parameter and reason', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startWithFacts(knex);
    const message = async (path: string) =>
      (
        await request(server)
          .get(`/api/finops-itam${path}`)
          .set('Authorization', user)
      ).body.error.message;

    expect(await message('/chargeback')).toBe(
      'Invalid query: month is required',
    );
    expect(await message('/chargeback?month=2026-13&format=xlsx')).toBe(
      'Invalid query: month must be a month like 2026-11; format must be one of json, csv',
    );
    expect(await message('/ingestions?limit=501&source=AWS')).toBe(
      'Invalid query: source must be lowercase kebab-case, like "aws-focus"; limit must be <= 500',
    );
    expect(
      await message(
        '/entities/component/default/checkout/cost?from=2026-11-31&granularity=week',
      ),
    ).toBe(
      'Invalid query: from is not a valid date; granularity must be one of day, month',
    );
    await knex.destroy();
  });

  it('serves the spec at /openapi.json, its paths under the plugin', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await startWithFacts(knex);
    const served = await request(server)
      .get('/api/finops-itam/openapi.json')
      .set('Authorization', user);
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths)).toContain(
      '/api/finops-itam/entities/{kind}/{namespace}/{name}/cost',
    );
    await knex.destroy();
  });

  it('finds what an answer has that the contract does not describe', () => {
    const health = { status: 'ok', version: '1.0.0', database: 'sqlite' };
    const json = { 'content-type': 'application/json; charset=utf-8' };
    expect(
      contractProblems('GET', '/health', {
        status: 200,
        headers: json,
        body: health,
      }),
    ).toEqual([]);
    expect(
      contractProblems('GET', '/health', {
        status: 200,
        headers: json,
        body: { ...health, uptime: 3 },
      }),
    ).toEqual([
      'GET /health answered 200: the body must NOT have additional properties (uptime)',
    ]);
    expect(
      contractProblems('GET', '/health', {
        status: 200,
        headers: json,
        body: { ...health, database: 'mysql' },
      }),
    ).toEqual([
      'GET /health answered 200: /database must be equal to one of the allowed values',
    ]);
    expect(
      contractProblems('GET', '/health', {
        status: 418,
        headers: json,
        body: {},
      }),
    ).toEqual([
      'GET /health answered 418, a status the contract does not list',
    ]);
    expect(
      contractProblems('GET', '/chargeback', {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: {},
      }),
    ).toEqual([
      'GET /chargeback answered 200 as text/html, which the contract does not list',
    ]);
    expect(
      contractProblems('DELETE', '/health', {
        status: 200,
        headers: json,
        body: {},
      }),
    ).toEqual(['DELETE /health is not in the contract']);
  });
});
