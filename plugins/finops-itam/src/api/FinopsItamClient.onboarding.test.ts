import { ResponseError } from '@backstage/errors';
import { MockFetchApi, mockApis } from '@backstage/test-utils';
import { FinopsItamClient } from './FinopsItamClient';
import { OnboardingProblemsError } from './OnboardingProblemsError';

describe('FinopsItamClient onboarding and ITAM routes', () => {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backstage.test' });

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

  const input = {
    entityRef: 'component:default/new-billing',
    owner: 'group:default/team-payments',
    title: 'New billing service',
    goLive: '2027-02-01',
    procurement: 'enterprise-agreement' as const,
    deployments: [
      {
        provider: 'AWS',
        region: 'eu-west-1',
        tenancy: 'shared' as const,
        instanceType: 'm5.xlarge',
        count: 3,
        products: [
          {
            productId: 'microsoft-sql-server-standard',
            licenseModel: 'byol' as const,
          },
        ],
      },
    ],
  };

  it('reads each ITAM route at its path, filters and names encoded', async () => {
    const { client, fetch } = clientAnswering(() => jsonResponse({}));

    await client.listOnboardingRequests({
      status: 'pending-review',
      owner: 'group:default/team-payments',
    });
    await client.listOnboardingRequests();
    await client.getOnboardingRequest('req/1');
    await client.getOnboardingOptions();
    await client.getEntityOnboarding({
      kind: 'Component',
      namespace: 'default',
      name: 'new billing',
    });
    await client.getLicensePosition();
    await client.getLicenseReharvest();
    await client.getLicenseComplianceRisks();

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      'http://backstage.test/api/finops-itam/onboarding/requests?status=pending-review&owner=group%3Adefault%2Fteam-payments',
      'http://backstage.test/api/finops-itam/onboarding/requests',
      'http://backstage.test/api/finops-itam/onboarding/requests/req%2F1',
      'http://backstage.test/api/finops-itam/onboarding/options',
      'http://backstage.test/api/finops-itam/entities/Component/default/new%20billing/onboarding',
      'http://backstage.test/api/finops-itam/licenses/position',
      'http://backstage.test/api/finops-itam/licenses/reharvest',
      'http://backstage.test/api/finops-itam/licenses/compliance',
    ]);
  });

  it('files a request as JSON and returns the stored request', async () => {
    const stored = { id: 'r1', status: 'pending-review', checks: [] };
    const { client, fetch } = clientAnswering(() => jsonResponse(stored, 201));

    await expect(client.createOnboardingRequest(input)).resolves.toEqual(
      stored,
    );
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      'http://backstage.test/api/finops-itam/onboarding/requests',
    );
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual(input);
  });

  it('replaces a request and sends a decision to their routes', async () => {
    const { client, fetch } = clientAnswering(() => jsonResponse({ id: 'r1' }));

    await client.updateOnboardingRequest('r1', input);
    await client.decideOnboardingRequest('r1', {
      decision: 'approve',
      reason: 'Needed for the migration',
      exception: 'BYOL rights confirmed by the vendor in writing',
    });

    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage.test/api/finops-itam/onboarding/requests/r1',
    );
    expect(fetch.mock.calls[0][1].method).toBe('PUT');
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backstage.test/api/finops-itam/onboarding/requests/r1/decision',
    );
    expect(fetch.mock.calls[1][1].method).toBe('POST');
    expect(JSON.parse(fetch.mock.calls[1][1].body)).toEqual({
      decision: 'approve',
      reason: 'Needed for the migration',
      exception: 'BYOL rights confirmed by the vendor in writing',
    });
  });

  it('surfaces the problems of a 400 by field, with the backend message', async () => {
    const problems = [
      { field: 'goLive', reason: 'is in the past (today is 2026-12-07)' },
      {
        field: 'deployments[0].region',
        reason: 'eu-west-9 is not a known AWS region',
      },
    ];
    const { client } = clientAnswering(() =>
      jsonResponse(
        {
          error: { name: 'InputError', message: 'The request is invalid' },
          problems,
        },
        400,
        'Bad Request',
      ),
    );

    const error = await client.createOnboardingRequest(input).catch(e => e);

    expect(error).toBeInstanceOf(OnboardingProblemsError);
    expect(error.message).toBe('The request is invalid');
    expect(error.problems).toEqual(problems);
    expect(error.cause).toBeInstanceOf(ResponseError);
    expect(error.cause.statusCode).toBe(400);
  });

  it('refuses a decision with the reason the backend gives', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(
        {
          error: { name: 'InputError', message: 'The request is closed' },
          request: { method: 'POST', url: '/decision' },
          response: { statusCode: 400 },
          problems: [{ field: 'status', reason: 'the request is approved' }],
        },
        400,
        'Bad Request',
      ),
    );

    const error = await client
      .decideOnboardingRequest('r1', { decision: 'reject', reason: 'no' })
      .catch(e => e);

    expect(error).toBeInstanceOf(OnboardingProblemsError);
    expect(error.problems).toEqual([
      { field: 'status', reason: 'the request is approved' },
    ]);
  });

  it('keeps the ResponseError of other failures, such as a 403 on a decision', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(
        {
          error: { name: 'NotAllowedError', message: 'not a reviewer' },
          request: { method: 'POST', url: '/decision' },
          response: { statusCode: 403 },
        },
        403,
        'Forbidden',
      ),
    );

    const error = await client
      .decideOnboardingRequest('r1', { decision: 'approve', reason: 'ok' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe('not a reviewer');
  });
});
