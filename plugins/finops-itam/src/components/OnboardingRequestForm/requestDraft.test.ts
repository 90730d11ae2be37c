import { makeRequest } from '../../testUtils/onboardingFixtures';
import {
  draftOf,
  emptyDraft,
  problemsWithoutField,
  RequestDraft,
  toRequestInput,
} from './requestDraft';

function filledDraft(): RequestDraft {
  return {
    ...emptyDraft('component:default/new-billing'),
    owner: 'group:default/team-payments',
    title: 'New billing service',
    goLive: '2027-02-01',
    procurement: 'enterprise-agreement',
    replaces: 'component:default/old-billing',
    tags: 'cost-center=cc-42, env = prod',
    deployments: [
      {
        provider: 'AWS',
        region: 'eu-west-1',
        tenancy: 'shared',
        instanceType: 'm5.xlarge',
        count: 3,
        products: [
          { productId: 'microsoft-sql-server-standard', licenseModel: 'byol' },
        ],
      },
    ],
    saas: [{ productId: 'saas-observability-seat', seats: 12 }],
    estimateAmount: '1800.00',
    estimateCurrency: 'USD',
  };
}

describe('toRequestInput', () => {
  it('builds the body of the issue example from a filled form', () => {
    expect(toRequestInput(filledDraft())).toEqual({
      input: {
        entityRef: 'component:default/new-billing',
        owner: 'group:default/team-payments',
        title: 'New billing service',
        goLive: '2027-02-01',
        procurement: 'enterprise-agreement',
        replaces: 'component:default/old-billing',
        tags: { 'cost-center': 'cc-42', env: 'prod' },
        deployments: [
          {
            provider: 'AWS',
            region: 'eu-west-1',
            tenancy: 'shared',
            instanceType: 'm5.xlarge',
            count: 3,
            products: [
              {
                productId: 'microsoft-sql-server-standard',
                licenseModel: 'byol',
              },
            ],
          },
        ],
        saas: [{ productId: 'saas-observability-seat', seats: 12 }],
        estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
      },
    });
  });

  it('leaves out what was not given', () => {
    const draft = {
      ...filledDraft(),
      replaces: ' ',
      tags: '',
      saas: [],
      estimateAmount: '',
    };
    const result = toRequestInput(draft);
    expect(result).toHaveProperty('input');
    const input = 'input' in result ? result.input : undefined;
    expect(input).not.toHaveProperty('replaces');
    expect(input).not.toHaveProperty('tags');
    expect(input).not.toHaveProperty('saas');
    expect(input).not.toHaveProperty('estimatedMonthlyCost');
  });

  it('names every missing or malformed field with the backend field path', () => {
    const draft = emptyDraft();
    draft.tags = 'cost-center';
    draft.goLive = '1 Feb 2027';
    draft.estimateAmount = '1,800';
    draft.deployments[0].count = undefined;

    expect(toRequestInput(draft)).toEqual({
      problems: {
        entityRef: expect.stringMatching(/^Name the workload/),
        owner: expect.stringMatching(/^Name the owner group/),
        title: 'Give the request a title.',
        goLive: 'Write the date as YYYY-MM-DD, e.g. 2027-02-01.',
        procurement: 'Choose how the licenses are bought.',
        tags: expect.stringMatching(/^"cost-center" is not key=value/),
        'deployments[0].provider': 'Choose a provider.',
        'deployments[0].region': 'Choose a region.',
        'deployments[0].count': 'Give a whole number.',
        'deployments[0].instanceType':
          'Choose an instance type, or give the vCPUs per instance.',
        'deployments[0].products[0].productId': 'Choose a product.',
        'deployments[0].products[0].licenseModel':
          'Choose BYOL or license included.',
        'estimatedMonthlyCost.amount': expect.stringMatching(
          /^Give an amount like 1800.00/,
        ),
      },
    });
  });

  it('accepts vCPUs instead of an instance type', () => {
    const draft = filledDraft();
    draft.deployments[0].instanceType = '';
    draft.deployments[0].vcpus = 8;
    const result = toRequestInput(draft);
    expect('input' in result && result.input.deployments[0]).toEqual(
      expect.objectContaining({ vcpus: 8 }),
    );
    expect('input' in result && result.input.deployments[0]).not.toHaveProperty(
      'instanceType',
    );
  });
});

describe('problemsWithoutField', () => {
  it('keeps the problems no field of the form shows', () => {
    const draft = filledDraft();
    expect(
      problemsWithoutField(
        {
          goLive: 'is in the past',
          'deployments[0].region': 'unknown region',
          'deployments[1].region': 'unknown region',
          'deployments[0].products[3].productId': 'unknown product',
          deployments: 'at least one',
          'saas[0].seats': 'at least 1',
        },
        draft,
      ),
    ).toEqual([
      ['deployments[1].region', 'unknown region'],
      ['deployments[0].products[3].productId', 'unknown product'],
      ['deployments', 'at least one'],
    ]);
  });
});

describe('draftOf', () => {
  it('gives back the filed request when the draft is sent unchanged', () => {
    const request = makeRequest();

    expect(toRequestInput(draftOf(request))).toEqual({
      input: {
        entityRef: request.entityRef,
        owner: request.owner,
        title: request.title,
        goLive: request.goLive,
        procurement: request.procurement,
        replaces: 'component:default/old-billing',
        tags: { 'cost-center': 'cc-42' },
        // The vCPUs the backend took from the instance type are not pinned.
        deployments: [
          {
            provider: 'AWS',
            region: 'eu-west-1',
            tenancy: 'shared',
            instanceType: 'm5.xlarge',
            count: 3,
            products: [
              {
                productId: 'microsoft-sql-server-standard',
                licenseModel: 'byol',
              },
            ],
          },
        ],
        estimatedMonthlyCost: { amount: '1800.00', currency: 'USD' },
      },
    });
  });
});
