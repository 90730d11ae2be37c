import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { InstanceTypeTable } from '../licenses/instanceTypes';
import { SHIPPED_LICENSE_PRODUCTS } from '../licenses/shippedProducts';
import { KnownRegions } from './KnownRegions';
import { RequestFacts, validateRequest } from './validateRequest';

const facts: RequestFacts = {
  today: '2026-12-07',
  products: new Map<string, LicenseProduct>(
    SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]),
  ),
  instanceTypes: new InstanceTypeTable({ 'acme.big': 12 }),
  regions: new KnownRegions({ AWS: ['us-isob-east-1'] }),
};

/** The example request. */
const valid = () => ({
  entityRef: 'component:default/new-billing',
  owner: 'group:default/team-payments',
  title: 'New billing service',
  goLive: '2027-02-01',
  procurement: 'enterprise-agreement',
  replaces: 'component:default/old-billing',
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
});

type Body = ReturnType<typeof valid> & Record<string, any>;

function problemsOf(change: (body: Body) => void) {
  const body = valid() as Body;
  change(body);
  const result = validateRequest(body, facts);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validateRequest', () => {
  it('accepts the issue example and sizes every deployment', () => {
    const result = validateRequest(valid(), facts);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.deployments).toEqual([
      {
        provider: 'AWS',
        region: 'eu-west-1',
        tenancy: 'shared',
        instanceType: 'm5.xlarge',
        vcpus: 4,
        threadsPerCore: 2,
        count: 3,
        products: [
          { productId: 'microsoft-sql-server-standard', licenseModel: 'byol' },
        ],
      },
    ]);
    expect(result.plan.saas).toEqual([
      { productId: 'saas-observability-seat', seats: 12 },
    ]);
  });

  it('takes vCPUs from the instance type, names providers and regions as listed, and refs in lowercase', () => {
    const result = validateRequest(
      {
        ...valid(),
        entityRef: 'New-Billing',
        owner: 'Team-Payments',
        deployments: [
          {
            provider: 'microsoft',
            region: 'WestEurope',
            tenancy: 'dedicated-host',
            instanceType: 'Standard_D4s_v5',
            count: 1,
            products: [],
          },
          {
            provider: 'gcp',
            region: 'europe-west4',
            tenancy: 'shared',
            vcpus: 6,
            count: 2,
            products: [],
          },
        ],
      },
      facts,
    );

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.entityRef).toBe('component:default/new-billing');
    expect(result.input.owner).toBe('group:default/team-payments');
    expect(
      result.plan.deployments.map(d => [
        d.provider,
        d.region,
        d.vcpus,
        d.threadsPerCore,
      ]),
    ).toEqual([
      ['Azure', 'westeurope', 4, 2],
      ['Google Cloud', 'europe-west4', 6, null],
    ]);
  });

  it('accepts configured instance types and regions', () => {
    const result = validateRequest(
      {
        ...valid(),
        deployments: [
          {
            ...valid().deployments[0],
            region: 'us-isob-east-1',
            instanceType: 'acme.big',
            vcpus: undefined,
          },
        ],
      },
      facts,
    );
    expect(result.ok && result.plan.deployments[0].vcpus).toBe(12);
  });

  it.each([
    [
      'a missing title',
      (b: Body) => delete (b as any).title,
      'title',
      'is required',
    ],
    [
      'a missing go-live date',
      (b: Body) => delete (b as any).goLive,
      'goLive',
      'is required',
    ],
    [
      'an unknown procurement route',
      (b: Body) => (b.procurement = 'barter'),
      'procurement',
      'Invalid enum value',
    ],
    [
      'an entity ref that does not parse',
      (b: Body) => (b.entityRef = 'component:default/'),
      'entityRef',
      'is not an entity ref',
    ],
    [
      'a workload that is not a Component',
      (b: Body) => (b.entityRef = 'resource:default/billing-db'),
      'entityRef',
      'must be a Component, not a resource',
    ],
    [
      'an owner that is not a Group',
      (b: Body) => (b.owner = 'user:default/alice'),
      'owner',
      'must be a Group, not a user',
    ],
    [
      'an unknown product',
      (b: Body) => (b.deployments[0].products[0].productId = 'acme-db'),
      'deployments[0].products[0].productId',
      '"acme-db" is not a known license product',
    ],
    [
      'a per-user product deployed',
      (b: Body) =>
        (b.deployments[0].products[0].productId = 'saas-observability-seat'),
      'deployments[0].products[0].productId',
      'name it under saas',
    ],
    [
      'a deployed product under saas',
      (b: Body) => (b.saas[0].productId = 'rhel'),
      'saas[0].productId',
      'not per user',
    ],
    [
      'an unknown SaaS product',
      (b: Body) => (b.saas[0].productId = 'acme-chat'),
      'saas[0].productId',
      'not a known license product',
    ],
    [
      'an unknown instance type',
      (b: Body) => (b.deployments[0].instanceType = 'zz.odd'),
      'deployments[0].instanceType',
      '"zz.odd" is not a known instance type',
    ],
    [
      'neither instance type nor vCPUs',
      (b: Body) => {
        delete (b.deployments[0] as any).instanceType;
        delete (b.deployments[0] as any).vcpus;
      },
      'deployments[0].vcpus',
      'give instanceType or vcpus',
    ],
    [
      'vCPUs disagreeing with the instance type',
      (b: Body) => (b.deployments[0].vcpus = 8),
      'deployments[0].vcpus',
      'm5.xlarge has 4 vCPUs, not 8',
    ],
    [
      'a negative count',
      (b: Body) => (b.deployments[0].count = -2),
      'deployments[0].count',
      'at least 1',
    ],
    [
      'a fractional count',
      (b: Body) => (b.deployments[0].count = 1.5),
      'deployments[0].count',
      'whole number',
    ],
    [
      'zero seats',
      (b: Body) => (b.saas[0].seats = 0),
      'saas[0].seats',
      'at least 1',
    ],
    [
      'an unknown provider',
      (b: Body) => (b.deployments[0].provider = 'Acme Cloud'),
      'deployments[0].provider',
      '"Acme Cloud" is not a known provider',
    ],
    [
      'a region of another provider',
      (b: Body) => (b.deployments[0].region = 'westeurope'),
      'deployments[0].region',
      '"westeurope" is not a region of AWS',
    ],
    [
      'a go-live day that does not exist',
      (b: Body) => (b.goLive = '2027-02-30'),
      'goLive',
      'is not a day',
    ],
    [
      'a go-live date in the past',
      (b: Body) => (b.goLive = '2026-12-06'),
      'goLive',
      '2026-12-06 is in the past; today is 2026-12-07 (UTC)',
    ],
    [
      'neither deployments nor SaaS',
      (b: Body) => {
        b.deployments = [];
        b.saas = [];
      },
      'deployments',
      'at least one deployment or SaaS product',
    ],
    [
      'an amount that is not a decimal',
      (b: Body) => (b.estimatedMonthlyCost.amount = '1,800'),
      'estimatedMonthlyCost.amount',
      'must be a decimal amount',
    ],
    [
      'a currency that is not ISO 4217',
      (b: Body) => (b.estimatedMonthlyCost.currency = 'dollars'),
      'estimatedMonthlyCost.currency',
      'three-letter ISO 4217 code',
    ],
  ])('rejects %s, naming the field', (_case, change, field, reason) => {
    const problems = problemsOf(change);
    expect(problems).toEqual([
      { field, reason: expect.stringContaining(reason) },
    ]);
  });

  it('accepts a go-live date of today', () => {
    expect(
      validateRequest({ ...valid(), goLive: '2026-12-07' }, facts).ok,
    ).toBe(true);
  });

  it('lists every problem of a request at once', () => {
    const problems = problemsOf(b => {
      b.owner = 'user:default/alice';
      b.deployments[0].count = 0;
      b.deployments[0].region = 'mars-1';
    });
    expect(problems.map(p => p.field)).toEqual([
      'owner',
      'deployments[0].region',
      'deployments[0].count',
    ]);
  });

  it('lets a recheck keep a request whose go-live has passed', () => {
    const filed = { ...valid(), goLive: '2026-11-01' };
    expect(validateRequest(filed, facts).ok).toBe(false);
    expect(validateRequest(filed, facts, { goLiveFromToday: false }).ok).toBe(
      true,
    );
  });
});
