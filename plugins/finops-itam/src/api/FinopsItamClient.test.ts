import { ResponseError } from '@backstage/errors';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { FinopsItamClient } from './FinopsItamClient';

describe('FinopsItamClient', () => {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backstage.test' });

  function clientAnswering(response: Response) {
    const fetch = jest.fn().mockResolvedValue(response);
    const client = new FinopsItamClient({
      discoveryApi,
      fetchApi: new MockFetchApi({ baseImplementation: fetch }),
    });
    return { client, fetch };
  }

  it('reads the health of the finops-itam backend', async () => {
    const { client, fetch } = clientAnswering(
      new Response(
        JSON.stringify({ status: 'ok', version: '0.1.0', database: 'sqlite' }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
    );

    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      version: '0.1.0',
      database: 'sqlite',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage.test/api/finops-itam/health',
    );
  });

  it('throws a ResponseError carrying the status when the backend fails', async () => {
    const { client } = clientAnswering(
      new Response(
        JSON.stringify({
          error: { name: 'Error', message: 'database is down' },
          request: { method: 'GET', url: '/api/finops-itam/health' },
          response: { statusCode: 503 },
        }),
        {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );

    const error = await client.getHealth().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(error.message).toBe('Request failed with 503 Service Unavailable');
    expect(error.cause.message).toBe('database is down');
  });

  it('rejects an answer that is not a finops-itam health report', async () => {
    const { client } = clientAnswering(
      new Response(JSON.stringify({ status: 'maybe' }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );

    await expect(client.getHealth()).rejects.toThrow(
      /Unexpected answer from the finops-itam backend health check/,
    );
  });

  describe('getEntityCost', () => {
    const checkoutApi = {
      kind: 'Component',
      namespace: 'default',
      name: 'checkout-api',
    };

    it('reads the cost of an entity with the backend defaults', async () => {
      const cost = {
        entityRef: 'component:default/checkout-api',
        total: '12.5',
      };
      const { client, fetch } = clientAnswering(
        new Response(JSON.stringify(cost), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      );

      await expect(client.getEntityCost(checkoutApi)).resolves.toEqual(cost);
      expect(fetch).toHaveBeenCalledWith(
        'http://backstage.test/api/finops-itam/entities/Component/default/checkout-api/cost',
      );
    });

    it('passes the period, granularity and basis, and escapes the ref', async () => {
      const { client, fetch } = clientAnswering(
        new Response('{}', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      );

      await client.getEntityCost(
        { kind: 'Component', namespace: 'team a', name: 'x/y' },
        {
          from: '2026-01-01',
          to: '2026-02-01',
          granularity: 'month',
          basis: 'billed',
        },
      );
      expect(fetch).toHaveBeenCalledWith(
        'http://backstage.test/api/finops-itam/entities/Component/team%20a/x%2Fy/cost?from=2026-01-01&to=2026-02-01&granularity=month&basis=billed',
      );
    });

    it('throws a ResponseError with status 403 when cost may not be read', async () => {
      const { client } = clientAnswering(
        new Response(
          JSON.stringify({
            error: {
              name: 'NotAllowedError',
              message:
                "You don't have access to cost data for component:default/checkout-api",
            },
            request: { method: 'GET', url: '/api/finops-itam/entities' },
            response: { statusCode: 403 },
          }),
          {
            status: 403,
            statusText: 'Forbidden',
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      );

      const error = await client.getEntityCost(checkoutApi).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.cause.name).toBe('NotAllowedError');
    });

    it('throws a ResponseError with status 404 for an entity not in the catalog', async () => {
      const { client } = clientAnswering(
        new Response('not found', { status: 404, statusText: 'Not Found' }),
      );

      const error = await client.getEntityCost(checkoutApi).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
    });
  });

  it('asks each route of the contract at its path, names encoded', async () => {
    const json = () =>
      new Response('{}', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    const fetch = jest.fn().mockImplementation(async () => json());
    const client = new FinopsItamClient({
      discoveryApi,
      fetchApi: new MockFetchApi({ baseImplementation: fetch }),
    });
    const group = { kind: 'Group', namespace: 'default', name: 'team a' };
    const checkout = { kind: 'Component', namespace: 'default', name: 'x' };

    await client.getTeamCost(group, { from: '2026-11-01' });
    await client.getUnitCost(checkout, { granularity: 'month' });
    await client.getEntityLicenses(checkout);
    await client.getCostSources();

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      'http://backstage.test/api/finops-itam/teams/default/team%20a/cost?from=2026-11-01',
      'http://backstage.test/api/finops-itam/entities/Component/default/x/unit-cost?granularity=month',
      'http://backstage.test/api/finops-itam/entities/Component/default/x/licenses',
      'http://backstage.test/api/finops-itam/sources',
    ]);
  });
});
