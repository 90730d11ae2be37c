import {
  SQL_STANDARD,
  context,
  deployment,
  plan,
} from './__testUtils__/checkFixtures';
import { checkPolicy } from './policy';
import { CheckContext } from './types';

const policies = (
  fields: Partial<CheckContext['policies']>,
): Partial<CheckContext> => ({
  policies: { ...context().policies, ...fields },
});

describe('policy', () => {
  it('passes a request within the providers, regions and tags allowed', () => {
    const result = checkPolicy(
      plan(),
      context(policies({ allowedRegions: ['eu-west-1', 'westeurope'] })),
    );
    expect(result).toMatchObject({ status: 'pass', fix: null });
    expect(result.message).toBe(
      'Providers, regions, tags and products are within policy.',
    );
    expect(result.details).toEqual([
      'deployment 1: 3 × m5.xlarge (4 vCPUs) instances, AWS eu-west-1, shared: provider and region allowed',
      'required tags: cost-center=cc-42',
      'procurement: enterprise-agreement',
    ]);
  });

  it('compares providers and regions without regard to case', () => {
    const result = checkPolicy(
      plan({
        deployments: [deployment({ provider: 'aws', region: 'EU-WEST-1' })],
      }),
      context(policies({ allowedRegions: ['eu-west-1'] })),
    );
    expect(result.status).toBe('pass');
  });

  it('fails a provider, a region, a missing tag and a blocked product, with a fix for each', () => {
    const result = checkPolicy(
      plan({
        tags: {},
        deployments: [
          deployment({ provider: 'Oracle Cloud', region: 'eu-frankfurt-1' }),
          deployment({ region: 'us-east-1' }),
        ],
      }),
      context(
        policies({
          allowedRegions: ['eu-west-1'],
          blockedProducts: [SQL_STANDARD],
        }),
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Against policy: provider Oracle Cloud is not allowed; region us-east-1 is not allowed; required tag cost-center not declared; SQL Server Standard blocked.',
    );
    expect(result.fix).toBe(
      'Deploy to AWS, Azure and Google Cloud instead of Oracle Cloud. Choose one of the allowed regions (eu-west-1) instead of us-east-1. Declare the tags cost-center for the workload. Remove SQL Server Standard from the plan.',
    );
  });

  it('counts a blank tag value as missing', () => {
    const result = checkPolicy(
      plan({ tags: { 'cost-center': ' ' } }),
      context(),
    );
    expect(result.status).toBe('fail');
    expect(result.details).toContain('required tags: cost-center missing');
  });

  it('warns when marketplace purchases need approval, saying they count toward the provider commitment', () => {
    const result = checkPolicy(plan({ procurement: 'marketplace' }), context());
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      'Purchases through a marketplace need approval; marketplace purchases count toward the provider commitment (they draw down the committed spend).',
    );
    expect(result.fix).toMatch(/approved/);
  });

  it('passes allowed marketplace purchases with the commitment note, and fails forbidden ones', () => {
    const allowed = checkPolicy(
      plan({ procurement: 'marketplace' }),
      context(policies({ marketplace: 'allowed' })),
    );
    expect(allowed.status).toBe('pass');
    expect(allowed.message).toMatch(
      /Purchases through the marketplace are allowed; marketplace purchases count toward the provider commitment/,
    );
    const forbidden = checkPolicy(
      plan({ procurement: 'marketplace' }),
      context(policies({ marketplace: 'forbidden' })),
    );
    expect(forbidden.status).toBe('fail');
    expect(forbidden.fix).toBe(
      'Buy through the enterprise agreement or a reseller.',
    );
  });

  it('allows every provider and region when the policy names none', () => {
    const result = checkPolicy(
      plan({ deployments: [deployment({ provider: 'Oracle Cloud' })] }),
      context(policies({ allowedProviders: null, allowedRegions: null })),
    );
    expect(result.status).toBe('pass');
  });

  it('asks for the tags the deployments’ providers require, as the compliance report does', () => {
    const policy = policies({
      requiredTagsByProvider: { Microsoft: ['env'], 'Google Cloud': ['team'] },
    } as Partial<CheckContext['policies']>);
    const onAzure = checkPolicy(
      plan({
        tags: { 'cost-center': 'cc-42' },
        deployments: [deployment({ provider: 'Azure', region: 'westeurope' })],
      }),
      context(policy),
    );
    expect(onAzure.status).toBe('fail');
    expect(onAzure.message).toBe(
      'Against policy: required tag env not declared.',
    );
    expect(onAzure.details).toContain(
      'required tags: cost-center=cc-42, env missing',
    );
    // Tag keys compare case-insensitively, like the tags of running resources.
    const declared = checkPolicy(
      plan({
        tags: { 'Cost-Center': 'cc-42', ENV: 'prod' },
        deployments: [deployment({ provider: 'Azure', region: 'westeurope' })],
      }),
      context(policy),
    );
    expect(declared.status).toBe('pass');
  });
});
