import { ResponseError } from '@backstage/errors';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { BudgetRejectionsError } from './BudgetRejectionsError';
import { FinopsItamClient } from './FinopsItamClient';

describe('FinopsItamClient budget, forecast and anomaly routes', () => {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backstage.test' });
  const checkout = {
    kind: 'Component',
    namespace: 'default',
    name: 'checkout',
  };

  function jsonResponse(body: unknown, status = 200, statusText = 'OK') {
    return new Response(JSON.stringify(body), {
      status,
      statusText,
      headers: { 'Content-Type': 'application/json' },
    });
  }

  function clientAnswering(answer: () => Response) {
    const fetch = jest.fn().mockImplementation(async () => answer());
    const client = new FinopsItamClient({
      discoveryApi,
      fetchApi: new MockFetchApi({ baseImplementation: fetch }),
    });
    return { client, fetch };
  }

  /** The URL and init of the n-th fetch. */
  function call(fetch: jest.Mock, n: number): [string, RequestInit?] {
    return fetch.mock.calls[n] as [string, RequestInit?];
  }

  it('reads budgets, an entity budget and forecast at their paths with their queries', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ items: [] }),
    );

    await expect(client.listBudgets({ day: '2026-11-26' })).resolves.toEqual({
      items: [],
    });
    await client.listBudgets();
    await client.getEntityBudget(checkout, {
      day: '2026-12-31',
      scope: 'cloud',
    });
    await client.getEntityBudget({ ...checkout, name: 'a b' });
    await client.getEntityForecast(checkout);

    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backstage.test/api/finops-itam/budgets?day=2026-11-26',
      'http://backstage.test/api/finops-itam/budgets',
      'http://backstage.test/api/finops-itam/entities/Component/default/checkout/budget?day=2026-12-31&scope=cloud',
      'http://backstage.test/api/finops-itam/entities/Component/default/a%20b/budget',
      'http://backstage.test/api/finops-itam/entities/Component/default/checkout/forecast',
    ]);
  });

  it('puts budget records as a JSON array and returns how many were stored', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ upserted: 1 }),
    );
    const record = {
      id: 'checkout-q1',
      entityRef: 'group:default/team-checkout',
      period: 'quarter' as const,
      start: '2027-01-01',
      amount: '45000.00',
      currency: 'USD',
      scope: 'all-in' as const,
    };

    await expect(client.putBudgets([record])).resolves.toEqual({
      upserted: 1,
    });
    const [url, init] = call(fetch, 0);
    expect(url).toBe('http://backstage.test/api/finops-itam/budgets');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual([record]);
  });

  it('surfaces every rejection of a refused budget batch', async () => {
    const rejections = [
      { index: 0, id: 'a', field: 'amount', reason: 'must not be negative' },
      { index: 1, id: null, field: 'entityRef', reason: 'not in the catalog' },
    ];
    const { client } = clientAnswering(() =>
      jsonResponse(
        {
          error: { name: 'InputError', message: '2 budgets rejected' },
          request: { method: 'PUT', url: '/api/finops-itam/budgets' },
          response: { statusCode: 400 },
          rejections,
        },
        400,
        'Bad Request',
      ),
    );

    const error = await client.putBudgets([]).catch(e => e);
    expect(error).toBeInstanceOf(BudgetRejectionsError);
    expect(error.message).toBe('2 budgets rejected');
    expect(error.rejections).toEqual(rejections);
    expect(error.cause.statusCode).toBe(400);
  });

  it('throws a plain ResponseError when a budget write is forbidden', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(
        {
          error: { name: 'NotAllowedError', message: 'no' },
          request: { method: 'PUT', url: '/api/finops-itam/budgets' },
          response: { statusCode: 403 },
        },
        403,
        'Forbidden',
      ),
    );

    const error = await client.putBudgets([]).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).not.toBeInstanceOf(BudgetRejectionsError);
    expect(error.statusCode).toBe(403);
  });

  it('deletes a budget by its encoded id and fails on a 404', async () => {
    let status = 204;
    const { client, fetch } = clientAnswering(() =>
      status === 204
        ? new Response(null, { status: 204 })
        : jsonResponse(
            {
              error: { name: 'NotFoundError', message: 'no budget q/1' },
              request: { method: 'DELETE', url: '/x' },
              response: { statusCode: 404 },
            },
            404,
            'Not Found',
          ),
    );

    await expect(client.deleteBudget('q/1')).resolves.toBeUndefined();
    const [url, init] = call(fetch, 0);
    expect(url).toBe('http://backstage.test/api/finops-itam/budgets/q%2F1');
    expect(init?.method).toBe('DELETE');

    status = 404;
    const error = await client.deleteBudget('q/1').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
  });

  it('lists anomalies with only the filters given', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ items: [] }),
    );

    await client.listAnomalies({
      from: '2026-11-01',
      to: '2026-12-01',
      entityRef: 'component:default/checkout',
      status: 'open',
    });
    await client.listAnomalies();

    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backstage.test/api/finops-itam/anomalies?from=2026-11-01&to=2026-12-01&entityRef=component%3Adefault%2Fcheckout&status=open',
      'http://backstage.test/api/finops-itam/anomalies',
    ]);
  });

  it('posts an anomaly status change with its resolution and note', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ id: 'an 1', status: 'resolved' }),
    );

    await expect(
      client.setAnomalyStatus('an 1', {
        status: 'resolved',
        resolution: 'fixed',
        note: 'retry storm capped',
      }),
    ).resolves.toEqual({ id: 'an 1', status: 'resolved' });
    const [url, init] = call(fetch, 0);
    expect(url).toBe(
      'http://backstage.test/api/finops-itam/anomalies/an%201/status',
    );
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      status: 'resolved',
      resolution: 'fixed',
      note: 'retry storm capped',
    });
  });
});
