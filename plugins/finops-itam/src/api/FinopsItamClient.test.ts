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
});
