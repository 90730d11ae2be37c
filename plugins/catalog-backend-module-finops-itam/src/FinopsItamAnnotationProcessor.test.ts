import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { FinopsItamAnnotationProcessor } from './FinopsItamAnnotationProcessor';
import { licenseResourceEntity } from './licenses/licenseResourceEntity';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

async function process(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new FinopsItamAnnotationProcessor().postProcessEntity(
    entity,
    location,
    item => emitted.push(item),
  );
  const messages = emitted.map(item => {
    if (item.type !== 'error') {
      throw new Error(`unexpected ${item.type} result`);
    }
    expect(item.error.name).toBe('InputError');
    expect(item.location).toBe(location);
    return item.error.message;
  });
  return { result, messages };
}

describe('FinopsItamAnnotationProcessor', () => {
  it('has a stable name', () => {
    expect(new FinopsItamAnnotationProcessor().getProcessorName()).toBe(
      'FinopsItamAnnotationProcessor',
    );
  });

  it('passes a valid entity through unchanged', async () => {
    const entity = component({
      'finops-itam.io/cost-tags': 'application=checkout|checkout-v2',
      'finops-itam.io/cost-resources': 'checkout-*',
      'finops-itam.io/cost-accounts': '123456789012',
      'finops-itam.io/licenses': 'rhel=2',
      'finops-itam.io/unit-metric': 'orders',
      'aws.amazon.com/cost-insights-tags': 'component=checkout',
    });
    const before = JSON.parse(JSON.stringify(entity));

    const { result, messages } = await process(entity);

    expect(messages).toEqual([]);
    expect(result).toBe(entity);
    expect(result).toEqual(before);
  });

  it('accepts the license Resources the module emits itself', async () => {
    const entity = licenseResourceEntity(
      {
        productId: 'rhel',
        productName: 'Red Hat Enterprise Linux',
        publisher: 'Red Hat',
        metric: 'subscription',
        owner: 'group:default/itam',
        entitled: 10,
        required: 4,
        consumers: ['component:default/search'],
      },
      'url:http://backend/api/finops-itam/licenses/catalog',
    );

    const { messages } = await process(entity);

    expect(messages).toEqual([]);
  });

  it('ignores entities without annotations', async () => {
    const { messages } = await process(component());
    expect(messages).toEqual([]);
  });

  it.each([
    [
      'finops-itam.io/cost-tags',
      'application=checkout,environment',
      'pair 2 "environment" has no "=": write key=value',
    ],
    [
      'aws.amazon.com/cost-insights-tags',
      'component=',
      'pair 1 "component" has an empty value: write component=value',
    ],
    [
      'finops-itam.io/cost-resources',
      '*',
      'pattern 1 "*" matches every resource: narrow it, e.g. checkout-*',
    ],
    [
      'finops-itam.io/cost-accounts',
      '1,,2',
      'account 2 is empty: remove the extra comma',
    ],
    [
      'finops-itam.io/cost-center',
      'CC-1,CC-2',
      '"CC-1,CC-2" lists more than one cost center: a group has exactly one',
    ],
    [
      'finops-itam.io/licenses',
      'rhel=0',
      'pair 1 "rhel" has quantity "0": write a positive whole number, e.g. rhel=2',
    ],
    [
      'finops-itam.io/unit-metric',
      'Orders',
      '"Orders" is not a metric name: use lowercase letters, digits, "-" and "_", e.g. orders',
    ],
  ])('reports a malformed %s annotation', async (key, value, problem) => {
    const entity = component({ [key]: value });

    const { result, messages } = await process(entity);

    expect(messages).toEqual([
      `Entity component:default/checkout has an invalid "${key}" annotation: ${problem}`,
    ]);
    expect(result).toBe(entity);
  });

  it('emits one error per bad annotation, with all its problems', async () => {
    const { messages } = await process(
      component({
        'finops-itam.io/cost-tags': 'a,b=',
        'finops-itam.io/licenses': 'RHEL=2',
        'finops-itam.io/unit-metric': 'orders',
      }),
    );

    expect(messages).toEqual([
      'Entity component:default/checkout has an invalid "finops-itam.io/cost-tags" annotation: pair 1 "a" has no "=": write key=value; pair 2 "b" has an empty value: write b=value',
      'Entity component:default/checkout has an invalid "finops-itam.io/licenses" annotation: pair 1 product id "RHEL" is not lowercase kebab-case: use letters, digits and single dashes, e.g. rhel',
    ]);
  });

  it('reports a misspelt finops-itam annotation key', async () => {
    const { messages } = await process(
      component({ 'finops-itam.io/cost-tag': 'app=checkout' }),
    );

    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^Entity component:default\/checkout has an invalid "finops-itam.io\/cost-tag" annotation: is not an annotation finops-itam reads/,
    );
  });
});
