import {
  parseCostAccountsAnnotation,
  parseCostCenterAnnotation,
  parseCostResourcesAnnotation,
  parseCostTagsAnnotation,
  parseFinopsItamAnnotations,
  parseLicensesAnnotation,
  parseUnitMetricAnnotation,
} from './annotationParsers';

describe('parseCostTagsAnnotation', () => {
  it('reads pairs and alternatives', () => {
    expect(
      parseCostTagsAnnotation(
        'application=checkout|checkout-v2,environment=prod',
      ),
    ).toEqual({
      ok: true,
      value: [
        { key: 'application', values: ['checkout', 'checkout-v2'] },
        { key: 'environment', values: ['prod'] },
      ],
    });
  });

  it('trims and lowercases keys but keeps the case of values', () => {
    expect(
      parseCostTagsAnnotation(
        ' Application = Checkout | checkout-v2 ,  ENV=Prod ',
      ),
    ).toEqual({
      ok: true,
      value: [
        { key: 'application', values: ['Checkout', 'checkout-v2'] },
        { key: 'env', values: ['Prod'] },
      ],
    });
  });

  it('keeps everything after the first "=" in the value', () => {
    expect(parseCostTagsAnnotation('query=a=b')).toEqual({
      ok: true,
      value: [{ key: 'query', values: ['a=b'] }],
    });
  });

  it('drops repeated alternatives', () => {
    expect(parseCostTagsAnnotation('app=a|a|b')).toEqual({
      ok: true,
      value: [{ key: 'app', values: ['a', 'b'] }],
    });
  });

  it.each([
    ['', 'is empty: write key=value pairs, e.g. application=checkout'],
    ['   ', 'is empty: write key=value pairs, e.g. application=checkout'],
    ['app=a,', 'pair 2 is empty: remove the extra comma'],
    ['app=a,,env=b', 'pair 2 is empty: remove the extra comma'],
    [
      'application=checkout,environment',
      'pair 2 "environment" has no "=": write key=value',
    ],
    ['=checkout', 'pair 1 "=checkout" has an empty key: write key=value'],
    ['  =checkout', 'pair 1 "=checkout" has an empty key: write key=value'],
    ['app=', 'pair 1 "app" has an empty value: write app=value'],
    ['app=  ', 'pair 1 "app" has an empty value: write app=value'],
    [
      'app=a||b',
      'pair 1 "app" has an empty alternative in "a||b": remove the extra "|"',
    ],
    [
      'app=a|',
      'pair 1 "app" has an empty alternative in "a|": remove the extra "|"',
    ],
    [
      'app=a,App=b',
      'pair 2 repeats key "app" of pair 1: list alternatives in one pair, e.g. app=a|b',
    ],
  ])('rejects %j', (value, error) => {
    expect(parseCostTagsAnnotation(value)).toEqual({
      ok: false,
      errors: [error],
    });
  });

  it('reports every bad pair, not just the first', () => {
    const result = parseCostTagsAnnotation('a,b=,c=1');
    expect(result).toEqual({
      ok: false,
      errors: [
        'pair 1 "a" has no "=": write key=value',
        'pair 2 "b" has an empty value: write b=value',
      ],
    });
  });
});

describe('parseCostResourcesAnnotation', () => {
  it('reads trimmed patterns and drops duplicates', () => {
    expect(
      parseCostResourcesAnnotation(
        ' checkout-* , arn:aws:rds:*:db/checkout,checkout-*',
      ),
    ).toEqual({
      ok: true,
      value: ['checkout-*', 'arn:aws:rds:*:db/checkout'],
    });
  });

  it('accepts a pattern without wildcards', () => {
    expect(parseCostResourcesAnnotation('i-0abc')).toEqual({
      ok: true,
      value: ['i-0abc'],
    });
  });

  it.each([
    ['', 'is empty: write resource patterns, e.g. checkout-*'],
    ['a,,b', 'pattern 2 is empty: remove the extra comma'],
    ['a,', 'pattern 2 is empty: remove the extra comma'],
    ['*', 'pattern 1 "*" matches every resource: narrow it, e.g. checkout-*'],
    [
      'a, ** ',
      'pattern 2 "**" matches every resource: narrow it, e.g. checkout-*',
    ],
  ])('rejects %j', (value, error) => {
    expect(parseCostResourcesAnnotation(value)).toEqual({
      ok: false,
      errors: [error],
    });
  });
});

describe('parseCostAccountsAnnotation', () => {
  it('reads trimmed ids and drops duplicates', () => {
    expect(
      parseCostAccountsAnnotation(' 123456789012, 0A1B2C-3D4E5F ,123456789012'),
    ).toEqual({ ok: true, value: ['123456789012', '0A1B2C-3D4E5F'] });
  });

  it.each([
    ['', 'is empty: write account ids, e.g. 123456789012'],
    ['1,,2', 'account 2 is empty: remove the extra comma'],
    ['1,', 'account 2 is empty: remove the extra comma'],
    [
      '111 222',
      'account 1 "111 222" contains whitespace: separate ids with commas',
    ],
  ])('rejects %j', (value, error) => {
    expect(parseCostAccountsAnnotation(value)).toEqual({
      ok: false,
      errors: [error],
    });
  });
});

describe('parseCostCenterAnnotation', () => {
  it('reads a trimmed cost center', () => {
    expect(parseCostCenterAnnotation('  CC-1234 ')).toEqual({
      ok: true,
      value: 'CC-1234',
    });
  });

  it.each([
    ['', "is empty: write the group's cost center, e.g. CC-1234"],
    ['  ', "is empty: write the group's cost center, e.g. CC-1234"],
    [
      'CC-1,CC-2',
      '"CC-1,CC-2" lists more than one cost center: a group has exactly one',
    ],
  ])('rejects %j', (value, error) => {
    expect(parseCostCenterAnnotation(value)).toEqual({
      ok: false,
      errors: [error],
    });
  });
});

describe('parseLicensesAnnotation', () => {
  it('reads products and quantities', () => {
    expect(
      parseLicensesAnnotation(' microsoft-sql-server-enterprise = 8 , rhel=2'),
    ).toEqual({
      ok: true,
      value: [
        { productId: 'microsoft-sql-server-enterprise', quantity: 8 },
        { productId: 'rhel', quantity: 2 },
      ],
    });
  });

  it.each([
    ['', 'is empty: write product-id=quantity pairs, e.g. rhel=2'],
    ['rhel=2,', 'pair 2 is empty: remove the extra comma'],
    ['rhel', 'pair 1 "rhel" has no "=": write product-id=quantity'],
    ['=2', 'pair 1 "=2" has an empty product id: write product-id=quantity'],
    [
      'RHEL=2',
      'pair 1 product id "RHEL" is not lowercase kebab-case: use letters, digits and single dashes, e.g. rhel',
    ],
    [
      'sql_server=2',
      'pair 1 product id "sql_server" is not lowercase kebab-case: use letters, digits and single dashes, e.g. sql-server',
    ],
    [
      'sql--server=2',
      'pair 1 product id "sql--server" is not lowercase kebab-case: use letters, digits and single dashes, e.g. sql-server',
    ],
    [
      '-rhel=2',
      'pair 1 product id "-rhel" is not lowercase kebab-case: use letters, digits and single dashes, e.g. rhel',
    ],
    [
      '__=2',
      'pair 1 product id "__" is not lowercase kebab-case: use letters, digits and single dashes, e.g. rhel',
    ],
    [
      'rhel=',
      'pair 1 "rhel" has quantity "": write a positive whole number, e.g. rhel=2',
    ],
    [
      'rhel=0',
      'pair 1 "rhel" has quantity "0": write a positive whole number, e.g. rhel=2',
    ],
    [
      'rhel=-1',
      'pair 1 "rhel" has quantity "-1": write a positive whole number, e.g. rhel=2',
    ],
    [
      'rhel=1.5',
      'pair 1 "rhel" has quantity "1.5": write a positive whole number, e.g. rhel=2',
    ],
    [
      'rhel=02',
      'pair 1 "rhel" has quantity "02": write a positive whole number, e.g. rhel=2',
    ],
    [
      'rhel=two',
      'pair 1 "rhel" has quantity "two": write a positive whole number, e.g. rhel=2',
    ],
    [
      'rhel=2,rhel=3',
      'pair 2 repeats product "rhel" of pair 1: add the quantities into one pair',
    ],
  ])('rejects %j', (value, error) => {
    expect(parseLicensesAnnotation(value)).toEqual({
      ok: false,
      errors: [error],
    });
  });
});

describe('parseUnitMetricAnnotation', () => {
  it.each(['orders', ' active_users ', 'gb-stored-2'])('accepts %j', value => {
    expect(parseUnitMetricAnnotation(value)).toEqual({
      ok: true,
      value: value.trim(),
    });
  });

  it.each([
    ['', 'is empty: write a metric name, e.g. orders'],
    [
      'Orders',
      '"Orders" is not a metric name: use lowercase letters, digits, "-" and "_", e.g. orders',
    ],
    [
      'orders per day',
      '"orders per day" is not a metric name: use lowercase letters, digits, "-" and "_", e.g. orders',
    ],
    [
      'orders,users',
      '"orders,users" is not a metric name: use lowercase letters, digits, "-" and "_", e.g. orders',
    ],
  ])('rejects %j', (value, error) => {
    expect(parseUnitMetricAnnotation(value)).toEqual({
      ok: false,
      errors: [error],
    });
  });
});

describe('parseFinopsItamAnnotations', () => {
  it('returns nothing for an entity without finops-itam annotations', () => {
    const result = parseFinopsItamAnnotations({
      'backstage.io/techdocs-ref': 'dir:.',
    });
    expect(result.errors).toEqual({});
    expect(Object.values(result.value).filter(v => v !== undefined)).toEqual(
      [],
    );
  });

  it('parses every annotation', () => {
    expect(
      parseFinopsItamAnnotations({
        'finops-itam.io/cost-tags': 'app=checkout',
        'finops-itam.io/cost-resources': 'checkout-*',
        'finops-itam.io/cost-accounts': '123456789012',
        'finops-itam.io/cost-center': 'CC-1',
        'finops-itam.io/licenses': 'rhel=2',
        'finops-itam.io/unit-metric': 'orders',
      }),
    ).toEqual({
      value: {
        costTags: [{ key: 'app', values: ['checkout'] }],
        costResources: ['checkout-*'],
        costAccounts: ['123456789012'],
        costCenter: 'CC-1',
        licenses: [{ productId: 'rhel', quantity: 2 }],
        unitMetric: 'orders',
      },
      errors: {},
    });
  });

  it('reads the AWS Cost Insights alias with the same grammar', () => {
    expect(
      parseFinopsItamAnnotations({
        'aws.amazon.com/cost-insights-tags': 'Component=checkout',
      }).value.costTags,
    ).toEqual([{ key: 'component', values: ['checkout'] }]);
    expect(
      parseFinopsItamAnnotations({
        'aws.amazon.com/cost-insights-tags': 'component',
      }).errors,
    ).toEqual({
      'aws.amazon.com/cost-insights-tags': [
        'pair 1 "component" has no "=": write key=value',
      ],
    });
  });

  it('prefers the finops-itam key over the alias', () => {
    expect(
      parseFinopsItamAnnotations({
        'finops-itam.io/cost-tags': 'app=new',
        'aws.amazon.com/cost-insights-tags': 'app=old',
      }).value.costTags,
    ).toEqual([{ key: 'app', values: ['new'] }]);
  });

  it('does not fall back to the alias when the finops-itam key is invalid', () => {
    const result = parseFinopsItamAnnotations({
      'finops-itam.io/cost-tags': 'app',
      'aws.amazon.com/cost-insights-tags': 'app=old',
    });
    expect(result.value.costTags).toBeUndefined();
    expect(Object.keys(result.errors)).toEqual(['finops-itam.io/cost-tags']);
  });

  it('reports errors per key and keeps the valid annotations', () => {
    const result = parseFinopsItamAnnotations({
      'finops-itam.io/cost-tags': 'app=checkout',
      'finops-itam.io/cost-resources': '*',
      'finops-itam.io/licenses': 'rhel=0',
    });
    expect(result.value.costTags).toEqual([
      { key: 'app', values: ['checkout'] },
    ]);
    expect(result.value.costResources).toBeUndefined();
    expect(result.errors).toEqual({
      'finops-itam.io/cost-resources': [
        'pattern 1 "*" matches every resource: narrow it, e.g. checkout-*',
      ],
      'finops-itam.io/licenses': [
        'pair 1 "rhel" has quantity "0": write a positive whole number, e.g. rhel=2',
      ],
    });
  });

  it('reports a misspelt finops-itam key', () => {
    expect(
      parseFinopsItamAnnotations({ 'finops-itam.io/cost-tag': 'app=checkout' })
        .errors,
    ).toEqual({
      'finops-itam.io/cost-tag': [
        'is not an annotation finops-itam reads: use one of finops-itam.io/cost-tags, finops-itam.io/cost-resources, finops-itam.io/cost-accounts, finops-itam.io/cost-center, finops-itam.io/licenses, finops-itam.io/unit-metric',
      ],
    });
  });
});
