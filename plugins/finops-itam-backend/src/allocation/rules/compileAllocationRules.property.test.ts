import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
  FinopsItamAnnotationValues,
  parseFinopsItamAnnotations,
} from '@finops-itam/plugin-finops-itam-common';
import { SeededRandom } from '../../__testUtils__/SeededRandom';
import { referenceGlobMatches as globMatches } from './__testUtils__/referenceGlob';
import { compileAllocationRules } from './compileAllocationRules';
import type {
  AllocationAssignment,
  AllocationFact,
  AllocationFallbackRule,
  AllocationRuleKind,
} from './types';

// ---------------------------------------------------------------------------------------
// Reference implementation: the rules as the issue states them, checked against every
// entity for every row, with no index, no cache and a different glob matcher. Written to
// be obviously right rather than fast.
// ---------------------------------------------------------------------------------------

interface Claim {
  ref: string;
  specificity: number;
  tieBreak: number[];
}

function isStronger(a: Claim, b: Claim): boolean {
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  for (let i = 0; i < Math.max(a.tieBreak.length, b.tieBreak.length); i++) {
    const x = a.tieBreak[i] ?? 0;
    const y = b.tieBreak[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

function decide(
  rule: AllocationRuleKind,
  claims: Claim[],
): AllocationAssignment | undefined {
  // An entity listed twice under one ref counts once, with its strongest claim.
  const byRef = new Map<string, Claim>();
  for (const claim of claims) {
    const current = byRef.get(claim.ref);
    if (!current || isStronger(claim, current)) byRef.set(claim.ref, claim);
  }
  const all = [...byRef.values()];
  if (all.length === 0) return undefined;
  const top = Math.max(...all.map(c => c.specificity));
  const tied = all.filter(c => c.specificity === top);
  let winner = tied[0];
  for (const c of tied) {
    if (
      isStronger(c, winner) ||
      (!isStronger(winner, c) && c.ref < winner.ref)
    ) {
      winner = c;
    }
  }
  const result: AllocationAssignment = {
    entityRef: winner.ref,
    rule,
    specificity: top,
  };
  if (tied.length > 1) {
    return {
      ...result,
      conflict: {
        candidates: tied.map(c => c.ref).sort((a, b) => (a < b ? -1 : 1)),
      },
    };
  }
  return result;
}

function naiveAllocator(
  entities: Entity[],
  fallbackRules: AllocationFallbackRule[],
): (row: AllocationFact) => AllocationAssignment | undefined {
  const readable = ['component', 'resource', 'system', 'group'];
  const parsed = entities.map(entity => ({
    ref: stringifyEntityRef(entity),
    kind: entity.kind.toLowerCase(),
    namespace: (entity.metadata.namespace ?? DEFAULT_NAMESPACE).toLowerCase(),
    name: entity.metadata.name.toLowerCase(),
    value: readable.includes(entity.kind.toLowerCase())
      ? parseFinopsItamAnnotations(entity.metadata.annotations ?? {}).value
      : {},
  }));
  return row => naiveAssign(parsed, fallbackRules, row);
}

interface ParsedEntity {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  value: FinopsItamAnnotationValues;
}

function naiveAssign(
  parsed: ParsedEntity[],
  fallbackRules: AllocationFallbackRule[],
  row: AllocationFact,
): AllocationAssignment | undefined {
  let rowTags: [string, string][] = [];
  try {
    const object = JSON.parse(row.tags ?? '{}');
    if (object && typeof object === 'object' && !Array.isArray(object)) {
      rowTags = Object.entries(object)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k.trim().toLowerCase(), String(v).trim()]);
    }
  } catch {
    rowTags = [];
  }

  const resourceClaims: Claim[] = [];
  for (const e of parsed) {
    for (const pattern of e.value.costResources ?? []) {
      const hits = [row.resourceId, row.resourceName].some(
        v => !!v && globMatches(pattern, v),
      );
      if (hits) {
        const stars = pattern.split('*').length - 1;
        const prefix =
          stars === 0 ? pattern : pattern.slice(0, pattern.indexOf('*'));
        resourceClaims.push({
          ref: e.ref,
          specificity: pattern.length - stars,
          tieBreak: [prefix.length, -stars],
        });
      }
    }
  }
  const byResource = decide('resource', resourceClaims);
  if (byResource) return byResource;

  const tagClaims: Claim[] = [];
  for (const e of parsed) {
    const selector = e.value.costTags;
    if (!selector) continue;
    const all = selector.every(pair =>
      rowTags.some(([k, v]) => k === pair.key && pair.values.includes(v)),
    );
    if (all) {
      tagClaims.push({
        ref: e.ref,
        specificity: selector.length,
        tieBreak: [],
      });
    }
  }
  const byTags = decide('tags', tagClaims);
  if (byTags) return byTags;

  const accountClaims: Claim[] = [];
  const same = (a: string, b: string | null) =>
    !!b && a.toLowerCase() === b.trim().toLowerCase();
  for (const e of parsed) {
    for (const account of e.value.costAccounts ?? []) {
      if (same(account, row.subAccountId)) {
        accountClaims.push({ ref: e.ref, specificity: 2, tieBreak: [] });
      }
      if (same(account, row.billingAccountId)) {
        accountClaims.push({ ref: e.ref, specificity: 1, tieBreak: [] });
      }
    }
  }
  const byAccount = decide('account', accountClaims);
  if (byAccount) return byAccount;

  const fallbackClaims: Claim[] = [];
  fallbackRules.forEach((rule, i) => {
    const key = rule.tag.trim().toLowerCase();
    for (const [k, v] of rowTags) {
      if (k !== key) continue;
      for (const e of parsed) {
        if (
          e.kind === rule.entityKind.trim().toLowerCase() &&
          e.namespace === (rule.namespace ?? 'default').trim().toLowerCase() &&
          e.name === v.toLowerCase()
        ) {
          fallbackClaims.push({
            ref: e.ref,
            specificity: fallbackRules.length - i,
            tieBreak: [],
          });
        }
      }
    }
  });
  return decide('fallback', fallbackClaims);
}

// ---------------------------------------------------------------------------------------
// Generators: small vocabularies, so that rules collide, overlap and tie often.
// ---------------------------------------------------------------------------------------

const CHARS = ['a', 'b', '-', '.', 'a', 'b'];
const KINDS = ['Component', 'Resource', 'System', 'Group', 'Group', 'API'];
const NAMES = ['a', 'b', 'x', 'y', 'shop', 'Pay'];
const SELECTOR_KEYS = ['app', 'Env', ' team ', 'APP'];
const SELECTOR_VALUES = ['x', 'y', 'Z', 'x|y', 'shop', 'x | pay '];
const ACCOUNTS = ['111', '222', 'AbC', 'abc'];
const ROW_KEYS = ['app', 'APP', ' env', 'team', 'Team', 'other'];
const ROW_VALUES: (string | null)[] = [
  'x',
  'y',
  'z',
  ' x ',
  'Z',
  null,
  'shop',
  'Pay ',
  'a',
];
const FALLBACKS: AllocationFallbackRule[] = [
  { tag: 'team', entityKind: 'group' },
  { tag: ' App', entityKind: 'Component', namespace: 'ops' },
  { tag: 'env', entityKind: 'system' },
];

function randomPattern(random: SeededRandom): string {
  let pattern = random.string(CHARS, 1, 4);
  for (let stars = random.int(0, 2); stars > 0; stars--) {
    const at = random.int(0, pattern.length);
    pattern = `${pattern.slice(0, at)}*${pattern.slice(at)}`;
  }
  return pattern;
}

function randomList(
  random: SeededRandom,
  item: () => string,
  max: number,
): string {
  const items = Array.from({ length: random.int(1, max) }, item);
  // Sometimes malformed: an empty item from a stray comma.
  return random.chance(0.05) ? `${items.join(',')},` : items.join(',');
}

function randomEntity(random: SeededRandom): Entity {
  const annotations: Record<string, string> = {};
  if (random.chance(0.4)) {
    annotations[ANNOTATION_COST_RESOURCES] = randomList(
      random,
      () => randomPattern(random),
      3,
    );
  }
  const tagsKey = random.chance(0.25)
    ? ANNOTATION_COST_INSIGHTS_TAGS
    : ANNOTATION_COST_TAGS;
  if (random.chance(0.5)) {
    annotations[tagsKey] = randomList(
      random,
      () => `${random.pick(SELECTOR_KEYS)}=${random.pick(SELECTOR_VALUES)}`,
      3,
    );
  }
  if (random.chance(0.3)) {
    annotations[ANNOTATION_COST_ACCOUNTS] = randomList(
      random,
      () => random.pick(ACCOUNTS),
      2,
    );
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: random.pick(KINDS),
    metadata: {
      name: random.pick(NAMES),
      namespace: random.pick(['default', 'default', 'ops']),
      annotations,
    },
  };
}

function randomFact(random: SeededRandom): AllocationFact {
  const maybe = () => (random.chance(0.7) ? random.string(CHARS, 0, 5) : null);
  let tags: string | null = null;
  if (random.chance(0.85)) {
    const object: Record<string, string | null> = {};
    for (let n = random.int(0, 4); n > 0; n--) {
      object[random.pick(ROW_KEYS)] = random.pick(ROW_VALUES);
    }
    tags = JSON.stringify(object);
  }
  return {
    resourceId: maybe(),
    resourceName: maybe(),
    subAccountId: random.pick([null, '111', '222', 'abc', ' AbC', '333']),
    billingAccountId: random.pick(['111', 'ABC', '999']),
    tags,
  };
}

describe('compileAllocationRules, on random rule sets', () => {
  const RULE_SETS = 300;
  const FACTS_PER_SET = 150;

  it('agrees with a brute-force reference and does not depend on entity order', () => {
    const random = new SeededRandom(20240917);
    let checked = 0;
    let conflicts = 0;
    // Collected rather than asserted one by one: the first few cases that differ, in full.
    const mismatches: object[] = [];
    const badConflicts: object[] = [];
    const levels = new Set<string>();

    for (let set = 0; set < RULE_SETS; set++) {
      const entities = Array.from({ length: random.int(1, 25) }, () =>
        randomEntity(random),
      );
      const fallbackRules = random
        .shuffle(FALLBACKS)
        .slice(0, random.int(0, FALLBACKS.length));
      const rules = compileAllocationRules(entities, fallbackRules);
      const reordered = compileAllocationRules(
        random.shuffle(entities),
        fallbackRules,
        // A small cache, so that eviction happens as well.
        { cacheSize: 16 },
      );
      const sortProblems = (list: readonly object[]) =>
        list.map(p => JSON.stringify(p)).sort();
      expect(sortProblems(reordered.problems)).toEqual(
        sortProblems(rules.problems),
      );

      const naive = naiveAllocator(entities, fallbackRules);
      const facts = Array.from({ length: FACTS_PER_SET }, () =>
        randomFact(random),
      );
      // Each fact twice, so that the second answer comes from the cache.
      for (const row of [...facts, ...facts]) {
        const actual = rules.assign(row);
        const expected = naive(row);
        const other = reordered.assign(row);
        if (
          JSON.stringify(actual) !== JSON.stringify(expected) ||
          JSON.stringify(other) !== JSON.stringify(actual)
        ) {
          mismatches.push({
            entities,
            fallbackRules,
            row,
            expected,
            actual,
            other,
          });
        }
        const candidates = actual?.conflict?.candidates;
        if (
          candidates &&
          (candidates.length < 2 ||
            new Set(candidates).size !== candidates.length ||
            !candidates.includes(actual.entityRef))
        ) {
          badConflicts.push({ row, actual });
        }
        if (candidates) {
          conflicts++;
        }
        levels.add(actual?.rule ?? 'unallocated');
        checked++;
      }
    }

    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(badConflicts.slice(0, 3)).toEqual([]);
    expect(checked).toBe(RULE_SETS * FACTS_PER_SET * 2);
    // The generators must exercise every level and real conflicts, or the check is hollow.
    expect([...levels].sort()).toEqual([
      'account',
      'fallback',
      'resource',
      'tags',
      'unallocated',
    ]);
    expect(conflicts).toBeGreaterThan(100);
  });
});
