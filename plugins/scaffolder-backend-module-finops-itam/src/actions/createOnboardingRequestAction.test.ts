import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import express from 'express';
import { Server } from 'http';
import { AddressInfo } from 'net';
import { createOnboardingRequestAction } from './createOnboardingRequestAction';

/** What the stand-in finops-itam backend received. */
interface Received {
  path: string;
  authorization?: string;
  body: unknown;
}

/** A real HTTP server standing in for the finops-itam backend's onboarding route. */
async function startBackend(answer: { status: number; body: unknown }) {
  const received: Received[] = [];
  const app = express();
  app.use(express.json());
  app.post('/api/finops-itam/onboarding/requests', (req, res) => {
    received.push({
      path: req.path,
      authorization: req.headers.authorization,
      body: req.body,
    });
    res.status(answer.status).json(answer.body);
  });
  const server = await new Promise<Server>(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    received,
    baseUrl: `http://127.0.0.1:${port}/api/finops-itam`,
  };
}

const input = {
  entityRef: 'component:default/new-billing',
  owner: 'group:default/team-payments',
  title: 'New billing service',
  description: '',
  goLive: '2027-02-01',
  procurement: 'enterprise-agreement' as const,
  replaces: 'component:default/old-billing',
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
    {
      provider: 'Azure',
      region: 'westeurope',
      tenancy: 'shared' as const,
      // Typed in and cleared in the template form.
      instanceType: '',
      vcpus: 4,
      count: 1,
      products: [
        { productId: 'rhel', licenseModel: 'license-included' as const },
      ],
    },
  ],
  estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
};

const filedRequest = {
  id: 'req-42',
  status: 'pending-review',
  checks: [
    {
      id: 'license-availability',
      status: 'pass',
      message: '12 cores free',
      fix: null,
      details: [],
    },
    {
      id: 'byol-eligibility',
      status: 'fail',
      message: 'SQL Server Standard has no License Mobility on AWS shared',
      fix: 'Use license-included',
      details: ['entitlement ea-2019'],
    },
    {
      id: 'budget-fit',
      status: 'warn',
      message: 'No budget for team-payments',
      fix: 'Add a budget',
      details: [],
    },
  ],
};

describe('finops-itam:onboarding:request', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise(resolve => server?.close(resolve));
    server = undefined;
  });

  function actionFor(baseUrl: string) {
    return createOnboardingRequestAction({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async (pluginId: string) =>
          pluginId === 'finops-itam' ? baseUrl : 'http://nowhere.invalid',
      }),
      auth: mockServices.auth(),
      appBaseUrl: 'http://portal.example.com/',
    });
  }

  it('files the request as the user running the template and outputs its checks and link', async () => {
    const backend = await startBackend({ status: 201, body: filedRequest });
    server = backend.server;
    const ctx = createMockActionContext({ input });
    const jane = mockCredentials.user('user:default/jane');
    ctx.getInitiatorCredentials = async () => jane;

    await actionFor(backend.baseUrl).handler(ctx);

    expect(backend.received).toHaveLength(1);
    const [sent] = backend.received;
    // The backend sees a token for Jane, not for the scaffolder.
    expect(sent.authorization).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: jane,
        targetPluginId: 'finops-itam',
      })}`,
    );
    // The empty description and instance type are left out; the rest is sent as written.
    expect(sent.body).toEqual({
      entityRef: 'component:default/new-billing',
      owner: 'group:default/team-payments',
      title: 'New billing service',
      goLive: '2027-02-01',
      procurement: 'enterprise-agreement',
      replaces: 'component:default/old-billing',
      deployments: [
        input.deployments[0],
        {
          provider: 'Azure',
          region: 'westeurope',
          tenancy: 'shared',
          vcpus: 4,
          count: 1,
          products: [{ productId: 'rhel', licenseModel: 'license-included' }],
        },
      ],
      estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
    });

    expect(ctx.output).toHaveBeenCalledWith('requestId', 'req-42');
    expect(ctx.output).toHaveBeenCalledWith('status', 'pending-review');
    expect(ctx.output).toHaveBeenCalledWith('failedChecks', 1);
    expect(ctx.output).toHaveBeenCalledWith('checks', [
      {
        id: 'license-availability',
        status: 'pass',
        message: '12 cores free',
        fix: null,
      },
      {
        id: 'byol-eligibility',
        status: 'fail',
        message: 'SQL Server Standard has no License Mobility on AWS shared',
        fix: 'Use license-included',
      },
      {
        id: 'budget-fit',
        status: 'warn',
        message: 'No budget for team-payments',
        fix: 'Add a budget',
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'url',
      'http://portal.example.com/finops-itam/itam?request=req-42',
    );
  });

  it("fails the step with the backend's problems, field by field", async () => {
    const backend = await startBackend({
      status: 400,
      body: {
        error: { name: 'InputError', message: 'Invalid onboarding request' },
        problems: [
          {
            field: 'deployments[0].region',
            reason: 'unknown region "eu-west-9" for AWS',
          },
          { field: 'goLive', reason: 'is in the past' },
        ],
      },
    });
    server = backend.server;
    const ctx = createMockActionContext({ input });

    await expect(actionFor(backend.baseUrl).handler(ctx)).rejects.toThrow(
      [
        'The finops-itam backend refused the onboarding request:',
        '- deployments[0].region: unknown region "eu-west-9" for AWS',
        '- goLive: is in the past',
      ].join('\n'),
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('fails the step with the status and message of any other refusal', async () => {
    const backend = await startBackend({
      status: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message: 'Missing finops-itam.onboarding.create',
        },
        request: { method: 'POST', url: '/onboarding/requests' },
        response: { statusCode: 403 },
      },
    });
    server = backend.server;
    const ctx = createMockActionContext({ input });

    await expect(actionFor(backend.baseUrl).handler(ctx)).rejects.toThrow(
      /403.*Missing finops-itam\.onboarding\.create/,
    );
  });

  it('files nothing in a dry run and says so', async () => {
    const backend = await startBackend({ status: 201, body: filedRequest });
    server = backend.server;
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({ input }),
      logger,
      isDryRun: true,
    };

    await actionFor(backend.baseUrl).handler(ctx);

    expect(backend.received).toHaveLength(0);
    expect(logger.info).toHaveBeenCalledWith(
      'Dry run: the onboarding request "New billing service" for component:default/new-billing was not filed, so no checks ran.',
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'dry-run');
    expect(ctx.output).not.toHaveBeenCalledWith('requestId', expect.anything());
    expect(ctx.output).toHaveBeenCalledWith(
      'url',
      'http://portal.example.com/finops-itam/itam',
    );
  });
});
