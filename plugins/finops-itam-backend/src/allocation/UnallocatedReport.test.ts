import { ConfigReader } from '@backstage/config';
import { testEntity } from './__testUtils__/facts';
import {
  ComponentNameMatcher,
  missingTagKeys,
  readRequiredTags,
} from './UnallocatedReport';

describe('ComponentNameMatcher', () => {
  const matcher = new ComponentNameMatcher(
    ['checkout', 'checkout-db', 'db', 'search'].map(name =>
      testEntity('Component', name),
    ),
  );

  it.each([
    ['checkout-vm-1', 'checkout'],
    ['prod_checkout', 'checkout'],
    ['arn:aws:ec2:eu:checkout/i-1', 'checkout'],
    ['web.search.prod', 'search'],
    ['Checkout-DB-replica', 'checkout-db'],
    ['checkouts-vm', undefined],
    ['research-1', undefined],
    ['db', 'db'],
  ])(
    'finds the longest component name in %p as whole segments',
    (name, expected) => {
      const found = matcher.suggest(null, name);
      expect(found?.entityRef).toBe(
        expected && `component:default/${expected}`,
      );
    },
  );
});

describe('required tags', () => {
  it('compares keys trimmed and case-insensitively, blank values missing', () => {
    expect(
      missingTagKeys({ ' Team ': 'a', environment: '' }, [
        'team',
        'environment',
        'application',
      ]),
    ).toEqual(['environment', 'application']);
  });

  it('reads the list from config with a default', () => {
    expect(readRequiredTags(new ConfigReader({}))).toEqual([
      'application',
      'environment',
      'team',
      'cost-center',
    ]);
    expect(
      readRequiredTags(
        new ConfigReader({
          finopsItam: { allocation: { requiredTags: [' owner '] } },
        }),
      ),
    ).toEqual(['owner']);
    expect(() =>
      readRequiredTags(
        new ConfigReader({
          finopsItam: { allocation: { requiredTags: [''] } },
        }),
      ),
    ).toThrow(/requiredTags/);
  });
});
