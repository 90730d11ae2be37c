import { Entity } from '@backstage/catalog-model';
import { getCostMappings, getDeclaredLicenses } from './annotations';
import { isFinopsItamAvailable } from './isFinopsItamAvailable';

function entity(
  kind: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'checkout', annotations },
    spec: {},
  };
}

describe('isFinopsItamAvailable', () => {
  it.each(['Component', 'Resource', 'System', 'component'])(
    'is true for %s',
    kind => {
      expect(isFinopsItamAvailable(entity(kind))).toBe(true);
    },
  );

  it.each(['API', 'Group', 'User', 'Domain', 'Template'])(
    'is false for %s',
    kind => {
      expect(isFinopsItamAvailable(entity(kind))).toBe(false);
    },
  );
});

describe('getCostMappings', () => {
  it('lists every cost-mapping annotation the entity declares', () => {
    const mappings = getCostMappings(
      entity('Component', {
        'finops-itam.io/cost-tags': 'application=checkout',
        'finops-itam.io/cost-resources': 'checkout-*',
        'finops-itam.io/cost-accounts': '123456789012',
        'finops-itam.io/licenses': 'rhel=2',
      }),
    );
    expect(mappings).toEqual([
      {
        annotation: 'finops-itam.io/cost-tags',
        description: 'cost rows with these tags',
        value: 'application=checkout',
        unusedBecause: undefined,
      },
      {
        annotation: 'finops-itam.io/cost-resources',
        description: 'resources whose id or name matches these patterns',
        value: 'checkout-*',
        unusedBecause: undefined,
      },
      {
        annotation: 'finops-itam.io/cost-accounts',
        description: 'everything billed to these accounts',
        value: '123456789012',
        unusedBecause: undefined,
      },
    ]);
  });

  it('uses the Cost Insights alias unless finops-itam.io/cost-tags is set', () => {
    expect(
      getCostMappings(
        entity('Component', {
          'aws.amazon.com/cost-insights-tags': 'app=checkout',
        }),
      )[0].unusedBecause,
    ).toBeUndefined();

    const both = getCostMappings(
      entity('Component', {
        'finops-itam.io/cost-tags': 'application=checkout',
        'aws.amazon.com/cost-insights-tags': 'app=checkout',
      }),
    );
    expect(both[1]).toMatchObject({
      annotation: 'aws.amazon.com/cost-insights-tags',
      unusedBecause: 'not used: finops-itam.io/cost-tags takes precedence',
    });
  });

  it('flags annotations the backend will ignore because they are malformed', () => {
    const [mapping] = getCostMappings(
      entity('Component', { 'finops-itam.io/cost-resources': '*' }),
    );
    expect(mapping.unusedBecause).toMatch(
      /^ignored until fixed: pattern 1 "\*" matches every resource/,
    );
  });
});

describe('getDeclaredLicenses', () => {
  it('reads product=quantity pairs', () => {
    expect(
      getDeclaredLicenses(
        entity('Component', {
          'finops-itam.io/licenses':
            'microsoft-sql-server-enterprise=8, rhel=2',
        }),
      ),
    ).toEqual({
      declared: true,
      licenses: [
        { productId: 'microsoft-sql-server-enterprise', quantity: 8 },
        { productId: 'rhel', quantity: 2 },
      ],
    });
  });

  it('returns the problems of a malformed declaration', () => {
    expect(
      getDeclaredLicenses(
        entity('Component', { 'finops-itam.io/licenses': 'oracle=lots' }),
      ),
    ).toEqual({
      declared: true,
      errors: [
        'pair 1 "oracle" has quantity "lots": write a positive whole number, e.g. oracle=2',
      ],
    });
  });

  it('says nothing is declared when the annotation is missing', () => {
    expect(getDeclaredLicenses(entity('Component'))).toEqual({
      declared: false,
    });
  });
});
