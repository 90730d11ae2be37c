import type { CostTagSelector } from '@finops-itam/plugin-finops-itam-common';
import { Candidates, CandidateScore, keepStrongest } from './candidates';
import type { FactTags } from './factTags';

/** One entity's cost-tags selector (all pairs must match), as given to the index. */
export interface TagSelectorRule {
  entityRef: string;
  selector: readonly CostTagSelector[];
}

interface Pair {
  key: string;
  values: ReadonlySet<string>;
}

interface Entry {
  entityRef: string;
  pairs: readonly Pair[];
  score: CandidateScore;
}

function postingKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function matchesAll(pairs: readonly Pair[], tags: FactTags): boolean {
  for (const pair of pairs) {
    const values = tags.get(pair.key);
    if (values === undefined || !values.some(value => pair.values.has(value))) {
      return false;
    }
  }
  return true;
}

/**
 * Finds the entities whose cost-tags selector matches a row without testing every
 * selector: each selector is filed under the (key, value) alternatives of one of its
 * pairs, and a row only looks up its own (key, value) pairs. A selector can only match a
 * row that has that pair, so nothing is missed; the other pairs are then checked.
 */
export class TagSelectorIndex {
  private readonly postings = new Map<string, Entry[]>();

  constructor(rules: Iterable<TagSelectorRule>) {
    const selectors = [...rules].filter(rule => rule.selector.length > 0);

    // File each selector under its rarest pair, so that a common pair such as
    // `environment=prod` does not put thousands of selectors on every row's path.
    const frequency = new Map<string, number>();
    for (const { selector } of selectors) {
      for (const { key, values } of selector) {
        for (const value of values) {
          const k = postingKey(key, value);
          frequency.set(k, (frequency.get(k) ?? 0) + 1);
        }
      }
    }
    const cost = ({ key, values }: CostTagSelector) =>
      values.reduce((sum, v) => sum + frequency.get(postingKey(key, v))!, 0);

    for (const { entityRef, selector } of selectors) {
      const entry: Entry = {
        entityRef,
        pairs: selector.map(({ key, values }) => ({
          key,
          values: new Set(values),
        })),
        score: { specificity: selector.length, tieBreak: [] },
      };
      let indexed = selector[0];
      for (const pair of selector) {
        if (cost(pair) < cost(indexed)) {
          indexed = pair;
        }
      }
      for (const value of new Set(indexed.values)) {
        const k = postingKey(indexed.key, value);
        const list = this.postings.get(k);
        if (list === undefined) {
          this.postings.set(k, [entry]);
        } else {
          list.push(entry);
        }
      }
    }
  }

  /** Adds every entity whose selector matches all of its pairs in `tags` to `candidates`. */
  collect(tags: FactTags, candidates: Candidates): void {
    for (const [key, values] of tags) {
      for (const value of values) {
        const entries = this.postings.get(postingKey(key, value));
        if (entries === undefined) {
          continue;
        }
        for (const entry of entries) {
          if (matchesAll(entry.pairs, tags)) {
            keepStrongest(candidates, entry.entityRef, entry.score);
          }
        }
      }
    }
  }
}
