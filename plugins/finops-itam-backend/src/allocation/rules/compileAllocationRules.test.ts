import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_CENTER,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
} from '@finops-itam/plugin-finops-itam-common';
import { entity, fact } from './__testUtils__/builders';
import { compileAllocationRules } from './compileAllocationRules';
import type { AllocationFallbackRule } from './types';

const TEAM_TO_GROUP: AllocationFallbackRule[] = [
  { tag: 'team', entityKind: 'group' },
];

describe('compileAllocationRules', () => {
  describe('precedence', () => {
    const everything = fact({
      resourceName: 'checkout-db',
      subAccountId: '111111111111',
      tags: { application: 'checkout', team: 'payments' },
    });
    const byPattern = entity('resource:default/checkout-db', {
      [ANNOTATION_COST_RESOURCES]: 'checkout-*',
    });
    const byTags = entity('component:default/checkout', {
      [ANNOTATION_COST_TAGS]: 'application=checkout',
    });
    const byAccount = entity('system:default/shop', {
      [ANNOTATION_COST_ACCOUNTS]: '111111111111',
    });
    const fallbackGroup = entity('group:default/payments');

    it('puts a resource pattern before tags, tags before accounts, accounts before fallback', () => {
      const levels = [byPattern, byTags, byAccount, fallbackGroup];
      const expected = [
        ['resource:default/checkout-db', 'resource'],
        ['component:default/checkout', 'tags'],
        ['system:default/shop', 'account'],
        ['group:default/payments', 'fallback'],
      ];
      for (let first = 0; first < levels.length; first++) {
        // Reversed, so the winner is never simply the first entity read.
        const rules = compileAllocationRules(
          levels.slice(first).reverse(),
          TEAM_TO_GROUP,
        );
        expect(rules.assign(everything)).toMatchObject({
          entityRef: expected[first][0],
          rule: expected[first][1],
        });
      }
    });

    it('leaves a row that matches nothing unallocated', () => {
      const rules = compileAllocationRules(
        [byPattern, byTags, byAccount, fallbackGroup],
        TEAM_TO_GROUP,
      );
      expect(
        rules.assign(fact({ resourceName: 'other', tags: { team: 'nobody' } })),
      ).toBeUndefined();
      expect(rules.assign(fact())).toBeUndefined();
    });
  });

  describe('resource patterns', () => {
    it('match the ResourceId or the ResourceName', () => {
      const rules = compileAllocationRules([
        entity('resource:default/db', {
          [ANNOTATION_COST_RESOURCES]:
            'arn:aws:rds:eu-west-1:1:db:checkout, checkout-cache-*',
        }),
      ]);
      expect(
        rules.assign(
          fact({ resourceId: 'arn:aws:rds:eu-west-1:1:db:checkout' }),
        ),
      ).toEqual({
        entityRef: 'resource:default/db',
        rule: 'resource',
        specificity: 35,
      });
      expect(
        rules.assign(
          fact({ resourceId: 'i-123', resourceName: 'checkout-cache-7' }),
        ),
      ).toEqual({
        entityRef: 'resource:default/db',
        rule: 'resource',
        specificity: 15,
      });
      expect(
        rules.assign(fact({ resourceName: 'xcheckout-cache-7' })),
      ).toBeUndefined();
    });

    it('let the pattern with more literal characters win', () => {
      const rules = compileAllocationRules([
        entity('component:default/a', {
          [ANNOTATION_COST_RESOURCES]: 'checkout-*',
        }),
        entity('component:default/b', {
          [ANNOTATION_COST_RESOURCES]: 'checkout-api-*',
        }),
      ]);
      expect(rules.assign(fact({ resourceName: 'checkout-api-1' }))).toEqual({
        entityRef: 'component:default/b',
        rule: 'resource',
        specificity: 13,
      });
      expect(rules.assign(fact({ resourceName: 'checkout-web' }))).toEqual({
        entityRef: 'component:default/a',
        rule: 'resource',
        specificity: 9,
      });
    });

    it('break equal specificity by the longer literal prefix and report the conflict', () => {
      const zzz = entity('component:default/zzz', {
        [ANNOTATION_COST_RESOURCES]: 'ab*',
      });
      const aaa = entity('component:default/aaa', {
        [ANNOTATION_COST_RESOURCES]: '*ab',
      });
      const expected = {
        entityRef: 'component:default/zzz',
        rule: 'resource',
        specificity: 2,
        conflict: {
          candidates: ['component:default/aaa', 'component:default/zzz'],
        },
      };
      for (const order of [
        [zzz, aaa],
        [aaa, zzz],
      ]) {
        expect(
          compileAllocationRules(order).assign(fact({ resourceName: 'abab' })),
        ).toEqual(expected);
      }
    });

    it('prefer an exact name to a wildcard of the same length, still as a conflict', () => {
      const rules = compileAllocationRules([
        entity('component:default/a', { [ANNOTATION_COST_RESOURCES]: 'abc*' }),
        entity('component:default/b', { [ANNOTATION_COST_RESOURCES]: 'abc' }),
      ]);
      expect(rules.assign(fact({ resourceName: 'abc' }))).toEqual({
        entityRef: 'component:default/b',
        rule: 'resource',
        specificity: 3,
        conflict: {
          candidates: ['component:default/a', 'component:default/b'],
        },
      });
    });

    it('break a full tie by the smaller entity ref', () => {
      const rules = compileAllocationRules([
        entity('component:default/b', { [ANNOTATION_COST_RESOURCES]: 'x-*' }),
        entity('component:default/a', { [ANNOTATION_COST_RESOURCES]: 'x-*' }),
        entity('component:default/c', { [ANNOTATION_COST_RESOURCES]: 'x*' }),
      ]);
      expect(rules.assign(fact({ resourceName: 'x-1' }))).toEqual({
        entityRef: 'component:default/a',
        rule: 'resource',
        specificity: 2,
        conflict: {
          candidates: ['component:default/a', 'component:default/b'],
        },
      });
    });

    it('treat regular expression characters literally', () => {
      const rules = compileAllocationRules([
        entity('resource:default/db', {
          [ANNOTATION_COST_RESOURCES]: 'db.(prod)+[1]?*',
        }),
      ]);
      expect(
        rules.assign(fact({ resourceName: 'db.(prod)+[1]?-eu' })),
      ).toMatchObject({ entityRef: 'resource:default/db' });
      expect(rules.assign(fact({ resourceName: 'dbx(prod)+[1]?' }))).toBe(
        undefined,
      );
      expect(rules.assign(fact({ resourceName: 'db.prodprod1' }))).toBe(
        undefined,
      );
    });

    it('match case-sensitively and across the whole value', () => {
      const rules = compileAllocationRules([
        entity('resource:default/db', {
          [ANNOTATION_COST_RESOURCES]: '*-db-*',
        }),
      ]);
      expect(rules.assign(fact({ resourceName: 'eu-db-1' }))).toMatchObject({
        entityRef: 'resource:default/db',
        specificity: 4,
      });
      expect(rules.assign(fact({ resourceName: 'eu-DB-1' }))).toBeUndefined();
      expect(rules.assign(fact({ resourceName: '-db' }))).toBeUndefined();
    });

    // A backtracking regular expression would run for minutes on this input, far past the
    // test timeout; the glob matcher answers at once. Timing itself is not asserted.
    it('answer on patterns that make backtracking regular expressions explode', () => {
      const rules = compileAllocationRules([
        entity('resource:default/evil', {
          [ANNOTATION_COST_RESOURCES]: 'a*a*a*a*a*a*a*b*c',
        }),
      ]);
      expect(
        rules.assign(fact({ resourceName: `${'a'.repeat(5000)}c` })),
      ).toBeUndefined();
    });
  });

  describe('tags', () => {
    it('let two matching pairs beat one', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]: 'application=checkout',
        }),
        entity('component:default/checkout-prod', {
          [ANNOTATION_COST_TAGS]: 'application=checkout,environment=prod',
        }),
      ]);
      expect(
        rules.assign(
          fact({ tags: { application: 'checkout', environment: 'prod' } }),
        ),
      ).toEqual({
        entityRef: 'component:default/checkout-prod',
        rule: 'tags',
        specificity: 2,
      });
      expect(
        rules.assign(
          fact({ tags: { application: 'checkout', environment: 'dev' } }),
        ),
      ).toEqual({
        entityRef: 'component:default/checkout',
        rule: 'tags',
        specificity: 1,
      });
    });

    it('need every pair to match', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]: 'application=checkout,environment=prod',
        }),
      ]);
      expect(
        rules.assign(fact({ tags: { application: 'checkout' } })),
      ).toBeUndefined();
    });

    it('accept any "|" alternative', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]:
            'application=checkout|checkout-v2,environment=prod',
        }),
      ]);
      for (const application of ['checkout', 'checkout-v2']) {
        expect(
          rules.assign(fact({ tags: { application, environment: 'prod' } })),
        ).toMatchObject({ entityRef: 'component:default/checkout' });
      }
      expect(
        rules.assign(
          fact({ tags: { application: 'checkout-v3', environment: 'prod' } }),
        ),
      ).toBeUndefined();
    });

    it('compare keys trimmed and case-insensitively, values trimmed and exactly', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]: ' Application = Checkout ',
        }),
      ]);
      expect(
        rules.assign(fact({ tags: { ' APPLICATION ': '  Checkout ' } })),
      ).toMatchObject({ entityRef: 'component:default/checkout' });
      expect(
        rules.assign(fact({ tags: { application: 'checkout' } })),
      ).toBeUndefined();
    });

    it('match when one of two keys differing only in case carries the value', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]: 'app=checkout',
        }),
      ]);
      expect(
        rules.assign(fact({ tags: { App: 'legacy', app: 'checkout' } })),
      ).toMatchObject({ entityRef: 'component:default/checkout' });
    });

    it('ignore tags with null values and tags that are not a JSON object', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]: 'app=null',
        }),
      ]);
      expect(rules.assign(fact({ tags: { app: null } }))).toBeUndefined();
      for (const tags of ['not json', '["app","null"]', '"app"']) {
        expect(rules.assign({ ...fact(), tags })).toBeUndefined();
      }
    });

    it('read the AWS Cost Insights annotation as an alias', () => {
      const rules = compileAllocationRules([
        entity('component:default/legacy', {
          [ANNOTATION_COST_INSIGHTS_TAGS]: 'service=legacy',
        }),
      ]);
      expect(rules.assign(fact({ tags: { service: 'legacy' } }))).toEqual({
        entityRef: 'component:default/legacy',
        rule: 'tags',
        specificity: 1,
      });
      expect(rules.problems).toEqual([]);
    });

    it('prefer the finops-itam annotation to the alias when both are set', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]: 'service=new',
          [ANNOTATION_COST_INSIGHTS_TAGS]: 'service=old',
        }),
      ]);
      expect(rules.assign(fact({ tags: { service: 'new' } }))).toMatchObject({
        entityRef: 'component:default/checkout',
      });
      expect(rules.assign(fact({ tags: { service: 'old' } }))).toBeUndefined();
    });

    it('report equally specific selectors as a conflict, whatever the entity order', () => {
      const a = entity('component:default/a', {
        [ANNOTATION_COST_TAGS]: 'app=shop,env=prod',
      });
      const b = entity('system:default/b', {
        [ANNOTATION_COST_TAGS]: 'app=shop|web,team=x',
      });
      const c = entity('component:default/c', {
        [ANNOTATION_COST_TAGS]: 'app=shop',
      });
      const row = fact({ tags: { app: 'shop', env: 'prod', team: 'x' } });
      const expected = {
        entityRef: 'component:default/a',
        rule: 'tags',
        specificity: 2,
        conflict: { candidates: ['component:default/a', 'system:default/b'] },
      };
      for (const order of [
        [a, b, c],
        [c, b, a],
        [b, c, a],
      ]) {
        expect(compileAllocationRules(order).assign(row)).toEqual(expected);
      }
    });
  });

  describe('accounts', () => {
    it('let a sub-account owner beat a billing-account owner', () => {
      const rules = compileAllocationRules([
        entity('group:default/platform', {
          [ANNOTATION_COST_ACCOUNTS]: 'payer-1',
        }),
        entity('system:default/shop', {
          [ANNOTATION_COST_ACCOUNTS]: '111111111111',
        }),
      ]);
      expect(
        rules.assign(
          fact({ billingAccountId: 'payer-1', subAccountId: '111111111111' }),
        ),
      ).toEqual({
        entityRef: 'system:default/shop',
        rule: 'account',
        specificity: 2,
      });
      expect(
        rules.assign(
          fact({ billingAccountId: 'payer-1', subAccountId: '222222222222' }),
        ),
      ).toEqual({
        entityRef: 'group:default/platform',
        rule: 'account',
        specificity: 1,
      });
    });

    it('compare ids case-insensitively, since Azure GUIDs come in either case', () => {
      const rules = compileAllocationRules([
        entity('system:default/shop', {
          [ANNOTATION_COST_ACCOUNTS]: 'AB12CD34-0000-4000-8000-000000000001',
        }),
      ]);
      expect(
        rules.assign(
          fact({ subAccountId: 'ab12cd34-0000-4000-8000-000000000001' }),
        ),
      ).toMatchObject({ entityRef: 'system:default/shop' });
    });

    it('report two owners of one account as a conflict, whatever the entity order', () => {
      const a = entity('system:default/a', {
        [ANNOTATION_COST_ACCOUNTS]: 'acc',
      });
      const b = entity('group:default/b', {
        [ANNOTATION_COST_ACCOUNTS]: 'other,acc',
      });
      for (const order of [
        [a, b],
        [b, a],
      ]) {
        expect(
          compileAllocationRules(order).assign(fact({ subAccountId: 'acc' })),
        ).toEqual({
          entityRef: 'group:default/b',
          rule: 'account',
          specificity: 2,
          conflict: { candidates: ['group:default/b', 'system:default/a'] },
        });
      }
    });
  });

  describe('fallback rules', () => {
    it('send a team tag to the group of that name when the group exists', () => {
      const rules = compileAllocationRules(
        [entity('group:default/payments'), entity('component:default/search')],
        TEAM_TO_GROUP,
      );
      expect(rules.assign(fact({ tags: { Team: ' Payments ' } }))).toEqual({
        entityRef: 'group:default/payments',
        rule: 'fallback',
        specificity: 1,
      });
      // No group called "search", though a component is.
      expect(rules.assign(fact({ tags: { team: 'search' } }))).toBeUndefined();
    });

    it('look for the group in the configured namespace only', () => {
      const entities = [entity('group:ops/payments')];
      expect(
        compileAllocationRules(entities, TEAM_TO_GROUP).assign(
          fact({ tags: { team: 'payments' } }),
        ),
      ).toBeUndefined();
      expect(
        compileAllocationRules(entities, [
          { tag: 'team', entityKind: 'Group', namespace: 'OPS' },
        ]).assign(fact({ tags: { team: 'payments' } })),
      ).toMatchObject({ entityRef: 'group:ops/payments' });
    });

    it('follow the order of the rules in config', () => {
      const rules = compileAllocationRules(
        [entity('group:default/payments'), entity('component:default/shop')],
        [
          { tag: 'app', entityKind: 'component' },
          { tag: 'team', entityKind: 'group' },
        ],
      );
      expect(
        rules.assign(fact({ tags: { team: 'payments', app: 'shop' } })),
      ).toEqual({
        entityRef: 'component:default/shop',
        rule: 'fallback',
        specificity: 2,
      });
      expect(rules.assign(fact({ tags: { team: 'payments' } }))).toEqual({
        entityRef: 'group:default/payments',
        rule: 'fallback',
        specificity: 1,
      });
    });

    it('report a row naming two existing groups as a conflict', () => {
      const rules = compileAllocationRules(
        [entity('group:default/b'), entity('group:default/a')],
        TEAM_TO_GROUP,
      );
      expect(rules.assign(fact({ tags: { Team: 'b', team: 'a' } }))).toEqual({
        entityRef: 'group:default/a',
        rule: 'fallback',
        specificity: 1,
        conflict: { candidates: ['group:default/a', 'group:default/b'] },
      });
    });

    it('reject an invalid rule with a message naming it', () => {
      expect(() =>
        compileAllocationRules(
          [],
          [TEAM_TO_GROUP[0], { tag: ' ', entityKind: 'group' }],
        ),
      ).toThrow(/fallback rule 2: tag:/);
    });
  });

  describe('malformed annotations', () => {
    it('are reported in problems and ignored, while valid ones still apply', () => {
      const rules = compileAllocationRules([
        entity('component:default/z-broken', {
          [ANNOTATION_COST_TAGS]: 'application=checkout,',
          [ANNOTATION_COST_RESOURCES]: 'checkout-*',
          [ANNOTATION_COST_ACCOUNTS]: '111 222',
          // Not an allocation annotation: the catalog module reports it, allocation does not.
          [ANNOTATION_COST_CENTER]: 'a,b',
        }),
        entity('component:default/a-broken', {
          [ANNOTATION_COST_INSIGHTS_TAGS]: 'application',
          'finops-itam.io/cost-tag': 'application=checkout',
        }),
      ]);
      expect(rules.problems).toEqual([
        {
          entityRef: 'component:default/a-broken',
          annotation: ANNOTATION_COST_INSIGHTS_TAGS,
          message: 'pair 1 "application" has no "=": write key=value',
        },
        {
          entityRef: 'component:default/a-broken',
          annotation: 'finops-itam.io/cost-tag',
          message: expect.stringMatching(
            /^is not an annotation finops-itam reads/,
          ),
        },
        {
          entityRef: 'component:default/z-broken',
          annotation: ANNOTATION_COST_ACCOUNTS,
          message: expect.stringContaining('contains whitespace'),
        },
        {
          entityRef: 'component:default/z-broken',
          annotation: ANNOTATION_COST_TAGS,
          message: 'pair 2 is empty: remove the extra comma',
        },
      ]);
      expect(
        rules.assign(fact({ tags: { application: 'checkout' } })),
      ).toBeUndefined();
      expect(rules.assign(fact({ subAccountId: '111' }))).toBeUndefined();
      expect(rules.assign(fact({ resourceName: 'checkout-db' }))).toMatchObject(
        { entityRef: 'component:default/z-broken', rule: 'resource' },
      );
    });

    it('do not fall back to the alias when the finops-itam key is malformed', () => {
      const rules = compileAllocationRules([
        entity('component:default/checkout', {
          [ANNOTATION_COST_TAGS]: 'app=',
          [ANNOTATION_COST_INSIGHTS_TAGS]: 'app=checkout',
        }),
      ]);
      expect(rules.problems).toHaveLength(1);
      expect(rules.assign(fact({ tags: { app: 'checkout' } }))).toBeUndefined();
    });

    it('include allocation annotations on kinds they are not read on', () => {
      const rules = compileAllocationRules([
        entity('api:default/orders', { [ANNOTATION_COST_ACCOUNTS]: '111' }),
      ]);
      expect(rules.problems).toEqual([
        {
          entityRef: 'api:default/orders',
          annotation: ANNOTATION_COST_ACCOUNTS,
          message:
            'is not read on API entities: put it on a Component, Resource, System or Group',
        },
      ]);
      expect(rules.assign(fact({ subAccountId: '111' }))).toBeUndefined();
    });
  });

  describe('the caches', () => {
    const entities = [
      entity('component:default/a', { [ANNOTATION_COST_RESOURCES]: 'a-*' }),
      entity('component:default/b', {
        [ANNOTATION_COST_TAGS]: 'app=b',
      }),
    ];
    const rows = [
      fact({ resourceName: 'a-1' }),
      fact({ tags: { app: 'b' } }),
      fact({ resourceName: 'x', tags: { app: 'b' } }),
      fact({ resourceName: 'x' }),
    ];

    it('returns the same assignment as an uncached evaluation, even when full', () => {
      const uncached = compileAllocationRules(entities, [], { cacheSize: 0 });
      const tiny = compileAllocationRules(entities, [], { cacheSize: 2 });
      for (let round = 0; round < 3; round++) {
        for (const row of rows) {
          expect(tiny.assign(row)).toEqual(uncached.assign(row));
        }
      }
    });

    it('does not confuse fields whose concatenations are equal', () => {
      const rules = compileAllocationRules([
        entity('resource:default/ab', { [ANNOTATION_COST_RESOURCES]: 'ab' }),
      ]);
      expect(
        rules.assign({ ...fact(), resourceId: 'ab', resourceName: '' }),
      ).toMatchObject({ entityRef: 'resource:default/ab' });
      expect(
        rules.assign({ ...fact(), resourceId: 'a', resourceName: 'b' }),
      ).toBeUndefined();
      expect(
        rules.assign({ ...fact(), resourceId: '', resourceName: 'ab' }),
      ).toMatchObject({ entityRef: 'resource:default/ab' });
    });

    it('hands out frozen assignments, since rows share them', () => {
      const assignment = compileAllocationRules(entities).assign(rows[0]);
      expect(Object.isFrozen(assignment)).toBe(true);
    });
  });
});
