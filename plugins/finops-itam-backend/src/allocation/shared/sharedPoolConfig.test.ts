import { ConfigReader } from '@backstage/config';
import {
  SharedCostConfigError,
  parseSharedCostConfig,
  readSharedCostConfig,
} from './sharedPoolConfig';

const read = (finopsItam: object) =>
  readSharedCostConfig(new ConfigReader({ finopsItam } as any));

const pool = (overrides: object = {}) => ({
  id: 'platform-support',
  mode: 'showback',
  rows: { chargeCategories: ['Tax'] },
  targets: { entities: ['group:default/team-a', 'group:default/team-b'] },
  method: 'even',
  ...overrides,
});

/** The problems reported for the given pools (and unused pool), in order. */
function problems(sharedCostPools: unknown, unusedCommitmentPool?: unknown) {
  try {
    parseSharedCostConfig({ sharedCostPools, unusedCommitmentPool });
  } catch (error) {
    expect(error).toBeInstanceOf(SharedCostConfigError);
    return (error as SharedCostConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

describe('readSharedCostConfig', () => {
  it('has no pools when nothing is configured', () => {
    expect(readSharedCostConfig(new ConfigReader({}))).toEqual({ pools: [] });
  });

  it('reads and normalises a full config', () => {
    expect(
      read({
        sharedCostPools: [
          {
            id: 'shared-k8s',
            description: 'The shared cluster',
            mode: 'chargeback',
            rows: {
              tags: {
                ' Cluster ': ' shared ',
                env: ['prod', 'prod ', 'stage'],
              },
              accounts: [' 123456789012 '],
              services: ['Amazon Elastic Kubernetes Service'],
              chargeCategories: ['Usage', 'Tax'],
            },
            targets: {
              entities: ['Component:checkout', 'component:Payments/ledger'],
            },
            method: 'fixed',
            weights: {
              'component:default/checkout': 62.5,
              'component:payments/ledger': '37.50',
            },
          },
          {
            id: 'support',
            mode: 'showback',
            rows: { services: ['AWS Support (Business)'] },
            targets: { allComponentsOf: 'System:payments' },
            method: 'metric',
            metric: ' requests ',
          },
        ],
        unusedCommitmentPool: 'support',
      }),
    ).toEqual({
      pools: [
        {
          id: 'shared-k8s',
          description: 'The shared cluster',
          mode: 'chargeback',
          rows: {
            tags: { cluster: ['shared'], env: ['prod', 'stage'] },
            accounts: ['123456789012'],
            services: ['Amazon Elastic Kubernetes Service'],
            chargeCategories: ['Usage', 'Tax'],
          },
          targets: {
            entities: [
              'component:default/checkout',
              'component:payments/ledger',
            ],
          },
          method: 'fixed',
          weights: {
            'component:default/checkout': '62.5',
            'component:payments/ledger': '37.5',
          },
        },
        {
          id: 'support',
          mode: 'showback',
          rows: { services: ['AWS Support (Business)'] },
          targets: { allComponentsOf: 'system:default/payments' },
          method: 'metric',
          metric: 'requests',
        },
      ],
      unusedCommitmentPool: 'support',
    });
  });

  it('names the config path of fixed weights that do not sum to 100', () => {
    const weighted = pool({
      method: 'fixed',
      weights: { 'group:default/team-a': '60', 'group:default/team-b': '39.5' },
    });
    expect(() =>
      read({
        sharedCostPools: [pool({ id: 'a' }), pool({ id: 'b' }), weighted],
      }),
    ).toThrow(
      new Error(
        'finopsItam.sharedCostPools[2].weights must sum to 100, got 99.5',
      ),
    );
  });

  it.each([
    [
      'a pool id that is not kebab-case',
      pool({ id: 'Platform Support' }),
      'finopsItam.sharedCostPools[0].id "Platform Support" is not lowercase kebab-case (like "platform-support")',
    ],
    [
      'an unknown mode',
      pool({ mode: 'billing' }),
      'finopsItam.sharedCostPools[0].mode must be one of "showback", "chargeback", got "billing"',
    ],
    [
      'an unknown method',
      pool({ method: 'weighted' }),
      'finopsItam.sharedCostPools[0].method must be one of "even", "proportional", "fixed", "metric", "prepaid", got "weighted"',
    ],
    [
      'a missing method',
      pool({ method: undefined }),
      'finopsItam.sharedCostPools[0].method is required',
    ],
    [
      'a description that is not text',
      pool({ description: 5 }),
      'finopsItam.sharedCostPools[0].description must be a string, got number',
    ],
    [
      'rows without any criterion',
      pool({ rows: {} }),
      'finopsItam.sharedCostPools[0].rows must give at least one of tags, accounts, services, chargeCategories',
    ],
    [
      'an unknown row criterion',
      pool({ rows: { chargeCategories: ['Tax'], regions: ['eu-west-1'] } }),
      'finopsItam.sharedCostPools[0].rows has unknown key "regions"',
    ],
    [
      'a charge category in the wrong case',
      pool({ rows: { chargeCategories: ['tax'] } }),
      'finopsItam.sharedCostPools[0].rows.chargeCategories[0] must be one of "Usage", "Purchase", "Tax", "Credit", "Adjustment", got "tax"',
    ],
    [
      'an empty account list',
      pool({ rows: { accounts: [] } }),
      'finopsItam.sharedCostPools[0].rows.accounts must list at least one account id',
    ],
    [
      'an empty service name',
      pool({ rows: { services: ['EC2', ' '] } }),
      'finopsItam.sharedCostPools[0].rows.services[1] is empty',
    ],
    [
      'an empty list of tag values',
      pool({ rows: { tags: { team: [] } } }),
      'finopsItam.sharedCostPools[0].rows.tags.team must list at least one value',
    ],
    [
      'a tag value that is a number',
      pool({ rows: { tags: { team: 5 } } }),
      'finopsItam.sharedCostPools[0].rows.tags.team must be a tag value or a list of alternative values',
    ],
    [
      'no tags at all',
      pool({ rows: { tags: {} } }),
      'finopsItam.sharedCostPools[0].rows.tags must list at least one tag',
    ],
    [
      'a tag key repeated in other case and spacing',
      pool({ rows: { tags: { Team: 'a', ' team': 'b' } } }),
      'finopsItam.sharedCostPools[0].rows.tags[" team"] repeats tag key "Team" (keys are compared trimmed and case-insensitively); list alternative values in one entry',
    ],
    [
      'an empty tag value',
      pool({ rows: { tags: { team: ['a', ''] } } }),
      'finopsItam.sharedCostPools[0].rows.tags.team has an empty value',
    ],
    [
      'targets with neither entities nor allComponentsOf',
      pool({ targets: {} }),
      'finopsItam.sharedCostPools[0].targets must give entities (a list of entity refs) or allComponentsOf (a system or group ref)',
    ],
    [
      'targets with both entities and allComponentsOf',
      pool({
        targets: {
          entities: ['group:team-a'],
          allComponentsOf: 'system:payments',
        },
      }),
      'finopsItam.sharedCostPools[0].targets must give either entities or allComponentsOf, not both',
    ],
    [
      'an empty entity list',
      pool({ targets: { entities: [] } }),
      'finopsItam.sharedCostPools[0].targets.entities must list at least one entity ref',
    ],
    [
      'an entity ref without kind',
      pool({ targets: { entities: ['group:team-a', 'checkout'] } }),
      'finopsItam.sharedCostPools[0].targets.entities[1] "checkout" is not an entity ref: write kind:namespace/name or kind:name, e.g. component:default/checkout',
    ],
    [
      'the same entity twice',
      pool({ targets: { entities: ['group:team-a', 'Group:default/Team-A'] } }),
      'finopsItam.sharedCostPools[0].targets.entities[1] repeats group:default/team-a',
    ],
    [
      'allComponentsOf a component',
      pool({ targets: { allComponentsOf: 'component:checkout' } }),
      'finopsItam.sharedCostPools[0].targets.allComponentsOf "component:checkout" is not a system or group ref (like system:default/payments or group:default/team-a)',
    ],
    [
      'fixed without weights',
      pool({ method: 'fixed' }),
      'finopsItam.sharedCostPools[0].weights is required when method is fixed: give each target a percentage, summing to 100',
    ],
    [
      'weights with another method',
      pool({ weights: { 'group:team-a': '100' } }),
      'finopsItam.sharedCostPools[0].weights is only used when method is fixed, not even',
    ],
    [
      'metric without a metric name',
      pool({ method: 'metric' }),
      'finopsItam.sharedCostPools[0].metric is required when method is metric: name the business metric to split by',
    ],
    [
      'a metric name with another method',
      pool({ metric: 'requests' }),
      'finopsItam.sharedCostPools[0].metric is only used when method is metric or prepaid, not even',
    ],
    [
      'a weight that is not a percentage',
      pool({
        method: 'fixed',
        weights: { 'group:team-a': '-10', 'group:team-b': '110' },
      }),
      [
        'finopsItam.sharedCostPools[0].weights["group:team-a"] "-10" is not a percentage between 0 and 100, like 25 or 33.5',
        'finopsItam.sharedCostPools[0].weights["group:team-b"] "110" is not a percentage between 0 and 100, like 25 or 33.5',
      ],
    ],
    [
      'a weight of the wrong type',
      pool({ method: 'fixed', weights: { 'group:team-a': true } }),
      'finopsItam.sharedCostPools[0].weights["group:team-a"] must be a percentage like 25 or 33.5',
    ],
    [
      'a weight for an entity that is not a target',
      pool({
        method: 'fixed',
        weights: { 'group:team-a': 50, 'group:team-b': 25, 'group:team-c': 25 },
      }),
      'finopsItam.sharedCostPools[0].weights["group:team-c"] is not one of targets.entities',
    ],
    [
      'a target without weight',
      pool({ method: 'fixed', weights: { 'group:team-a': 100 } }),
      'finopsItam.sharedCostPools[0].weights has no percentage for group:default/team-b, listed in targets.entities',
    ],
    [
      'an entity weighted twice',
      pool({
        method: 'fixed',
        weights: { 'group:team-a': 50, 'group:default/team-a': 50 },
      }),
      'finopsItam.sharedCostPools[0].weights["group:default/team-a"] repeats group:default/team-a (given as "group:team-a")',
    ],
    [
      'prepaid without a metric',
      pool({ method: 'prepaid', committedQuantity: 1000 }),
      "finopsItam.sharedCostPools[0].metric is required when method is prepaid: name the business metric that measures each target's usage",
    ],
    [
      'prepaid without a committed quantity',
      pool({ method: 'prepaid', metric: 'snowflake-credits' }),
      "finopsItam.sharedCostPools[0].committedQuantity is required when method is prepaid: give the usage the month's commitment covers, in the metric's unit, like 1000",
    ],
    ...[0, '0', '0.000', -5, '-5', '1e3', '1,000', '', 'lots'].map(
      (value): [string, object, string] => [
        `a committed quantity of ${JSON.stringify(value)}`,
        pool({
          method: 'prepaid',
          metric: 'snowflake-credits',
          committedQuantity: value,
        }),
        `finopsItam.sharedCostPools[0].committedQuantity "${value}" is not a quantity above zero, like 1000 or 2500.5`,
      ],
    ),
    [
      'a committed quantity of the wrong type',
      pool({
        method: 'prepaid',
        metric: 'snowflake-credits',
        committedQuantity: true,
      }),
      'finopsItam.sharedCostPools[0].committedQuantity must be a quantity like 1000 or 2500.5',
    ],
    [
      'an unused target that is not an entity ref',
      pool({
        method: 'prepaid',
        metric: 'snowflake-credits',
        committedQuantity: 1000,
        unusedTarget: 'platform',
      }),
      'finopsItam.sharedCostPools[0].unusedTarget "platform" is not an entity ref: write kind:namespace/name or kind:name, e.g. component:default/checkout',
    ],
    [
      'a committed quantity and unused target with another method',
      pool({
        method: 'metric',
        metric: 'requests',
        committedQuantity: 1000,
        unusedTarget: 'group:platform',
      }),
      [
        'finopsItam.sharedCostPools[0].committedQuantity is only used when method is prepaid, not metric',
        'finopsItam.sharedCostPools[0].unusedTarget is only used when method is prepaid, not metric',
      ],
    ],
    [
      'weights on a prepaid pool',
      pool({
        method: 'prepaid',
        metric: 'snowflake-credits',
        committedQuantity: 1000,
        weights: { 'group:team-a': 100 },
      }),
      'finopsItam.sharedCostPools[0].weights is only used when method is fixed, not prepaid',
    ],
    [
      'a misspelt key',
      pool({ weight: { 'group:team-a': 100 } }),
      'finopsItam.sharedCostPools[0] has unknown key "weight"',
    ],
  ])('rejects %s', (_, entry, expected) => {
    expect(problems([entry])).toEqual(
      Array.isArray(expected) ? expected : [expected],
    );
  });

  it('reports every problem of every pool, each with its path', () => {
    expect(
      problems([pool({ id: 'a', mode: 'x' }), pool({ id: 'b', rows: {} })]),
    ).toEqual([
      'finopsItam.sharedCostPools[0].mode must be one of "showback", "chargeback", got "x"',
      'finopsItam.sharedCostPools[1].rows must give at least one of tags, accounts, services, chargeCategories',
    ]);
  });

  it('joins the problems into the error message', () => {
    expect(() =>
      parseSharedCostConfig({
        sharedCostPools: [pool({ id: 'X', method: 'fixed' })],
      }),
    ).toThrow(
      'finopsItam.sharedCostPools[0].id "X" is not lowercase kebab-case (like "platform-support"); ' +
        'finopsItam.sharedCostPools[0].weights is required when method is fixed: give each target a percentage, summing to 100',
    );
  });

  it('rejects a pool list that is not a list', () => {
    expect(problems({ id: 'a' })).toEqual([
      'finopsItam.sharedCostPools must be a list, got object',
    ]);
  });

  it('rejects two pools with one id', () => {
    expect(problems([pool(), pool()])).toEqual([
      'finopsItam.sharedCostPools[1].id "platform-support" is used by another shared cost pool',
    ]);
  });

  it('rejects an unusedCommitmentPool that names no pool', () => {
    expect(problems([pool()], 'commitments')).toEqual([
      'finopsItam.unusedCommitmentPool "commitments" is not the id of any finopsItam.sharedCostPools entry',
    ]);
  });

  describe('prepaid pools', () => {
    const prepaid = (overrides: object) =>
      parseSharedCostConfig({
        sharedCostPools: [
          pool({
            method: 'prepaid',
            metric: ' snowflake-credits ',
            committedQuantity: 1000,
            ...overrides,
          }),
        ],
      }).pools[0];

    it('reads the metric, committed quantity and unused target, normalised', () => {
      const parsed = prepaid({ unusedTarget: ' Group:Platform ' });
      expect(parsed.method).toBe('prepaid');
      expect(parsed.metric).toBe('snowflake-credits');
      expect(parsed.committedQuantity).toBe('1000');
      expect(parsed.unusedTarget).toBe('group:default/platform');
    });

    it('writes committed quantities given as text or YAML numbers as plain decimals', () => {
      expect(
        prepaid({ committedQuantity: ' 0100.50 ' }).committedQuantity,
      ).toBe('100.5');
      expect(prepaid({ committedQuantity: 2500.5 }).committedQuantity).toBe(
        '2500.5',
      );
      expect(prepaid({ committedQuantity: 1e21 }).committedQuantity).toBe(
        '1000000000000000000000',
      );
      expect(prepaid({ committedQuantity: '0.0001' }).committedQuantity).toBe(
        '0.0001',
      );
    });

    it('leaves the unused target to the caller when it is not given', () => {
      const parsed = prepaid({});
      expect(parsed.unusedTarget).toBeUndefined();
      expect('unusedTarget' in parsed).toBe(false);
    });

    it('accepts an unused target that is also one of the targets', () => {
      expect(prepaid({ unusedTarget: 'group:team-a' }).unusedTarget).toBe(
        'group:default/team-a',
      );
    });

    it('reports a missing metric and committed quantity together', () => {
      expect(problems([pool({ method: 'prepaid' })])).toEqual([
        "finopsItam.sharedCostPools[0].metric is required when method is prepaid: name the business metric that measures each target's usage",
        "finopsItam.sharedCostPools[0].committedQuantity is required when method is prepaid: give the usage the month's commitment covers, in the metric's unit, like 1000",
      ]);
    });
  });

  it('accepts fixed weights for allComponentsOf without knowing the components', () => {
    const config = parseSharedCostConfig({
      sharedCostPools: [
        pool({
          targets: { allComponentsOf: 'group:team-a' },
          method: 'fixed',
          weights: {
            'component:a': '33.34',
            'component:b': '33.33',
            'component:c': '33.33',
          },
        }),
      ],
    });
    expect(config.pools[0].weights).toEqual({
      'component:default/a': '33.34',
      'component:default/b': '33.33',
      'component:default/c': '33.33',
    });
  });
});
