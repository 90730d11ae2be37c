import { Candidates, CandidateScore, keepStrongest } from './candidates';
import { compileGlobPattern, GlobPattern, matchesGlob } from './globPattern';

/** One entity's resource pattern, as given to {@link ResourcePatternIndex}. */
export interface ResourcePatternRule {
  entityRef: string;
  pattern: string;
}

interface Entry {
  entityRef: string;
  glob: GlobPattern;
  score: CandidateScore;
}

/** Length of the substrings indexing patterns that have neither a prefix nor a suffix. */
const GRAM = 3;

/**
 * A 16-bit hash of the gram at `i`, small-integer arithmetic only: scanning a value checks
 * it against a bitmap first, so positions whose gram no pattern uses allocate nothing.
 */
function gramHash(text: string, i: number): number {
  return (
    (text.charCodeAt(i) * 961 +
      text.charCodeAt(i + 1) * 31 +
      text.charCodeAt(i + 2)) &
    0xffff
  );
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [entry]);
  } else {
    list.push(entry);
  }
}

/** A way to find a wildcard pattern: any value it matches has this prefix, suffix or gram. */
interface IndexKey {
  kind: 'prefix' | 'suffix' | 'gram';
  key: string;
}

/** The keys a wildcard pattern could be filed under, cheapest lookups first. */
function indexKeysOf(glob: GlobPattern): IndexKey[] {
  const keys: IndexKey[] = [];
  if (glob.prefix !== '') {
    keys.push({ kind: 'prefix', key: glob.prefix });
  }
  if (glob.suffix !== '') {
    keys.push({ kind: 'suffix', key: glob.suffix });
  }
  const grams = new Set<string>();
  for (const segment of glob.middle) {
    for (let i = 0; i + GRAM <= segment.length; i++) {
      grams.add(segment.slice(i, i + GRAM));
    }
  }
  for (const gram of grams) {
    keys.push({ kind: 'gram', key: gram });
  }
  return keys;
}

function sortedLengths(map: Map<string, Entry[]>): number[] {
  return [...new Set([...map.keys()].map(key => key.length))].sort(
    (a, b) => a - b,
  );
}

/**
 * Finds the entities whose `cost-resources` patterns match a value without testing every
 * pattern. Literal patterns are Map keys. A wildcard pattern is filed under its literal
 * prefix, its literal suffix or a 3-character piece (gram) of its inner literal text,
 * whichever fewest patterns share; a value then looks up only its own prefixes and
 * suffixes of the lengths in use and its own grams. Only patterns with no such key
 * (`*a*b*`) are tested one by one.
 */
export class ResourcePatternIndex {
  private readonly literals = new Map<string, Entry[]>();
  private readonly byPrefix = new Map<string, Entry[]>();
  private readonly bySuffix = new Map<string, Entry[]>();
  private readonly byGram = new Map<string, Entry[]>();
  private readonly gramHashes = new Uint8Array(0x10000);
  private readonly unindexed: Entry[] = [];
  /** Scratch list reused by `collect`, which runs synchronously, to avoid an allocation. */
  private readonly visitedGrams: Entry[][] = [];
  private readonly prefixLengths: number[];
  private readonly suffixLengths: number[];

  constructor(rules: Iterable<ResourcePatternRule>) {
    const wildcards: { entry: Entry; keys: IndexKey[] }[] = [];
    for (const { entityRef, pattern } of rules) {
      const glob = compileGlobPattern(pattern);
      const entry: Entry = {
        entityRef,
        glob,
        score: {
          specificity: glob.literalLength,
          // Among equally specific patterns, a longer fixed start reads as the more
          // deliberate naming standard; then a pattern with fewer wildcards.
          tieBreak: [glob.prefix.length, -glob.wildcards],
        },
      };
      if (glob.wildcards === 0) {
        push(this.literals, glob.source, entry);
      } else {
        wildcards.push({ entry, keys: indexKeysOf(glob) });
      }
    }

    // File each pattern under the key the fewest patterns share: naming standards repeat
    // words, and filing `prod-*-checkout` and 5,000 like it under `prod-` would test all
    // of them on every production resource, while `-checkout` narrows it to one.
    const frequency = new Map<string, number>();
    for (const { keys } of wildcards) {
      for (const { kind, key } of keys) {
        const k = `${kind}:${key}`;
        frequency.set(k, (frequency.get(k) ?? 0) + 1);
      }
    }
    for (const { entry, keys } of wildcards) {
      if (keys.length === 0) {
        this.unindexed.push(entry);
        continue;
      }
      let best = keys[0];
      let bestCount = Infinity;
      for (const candidate of keys) {
        const count = frequency.get(`${candidate.kind}:${candidate.key}`)!;
        if (count < bestCount) {
          best = candidate;
          bestCount = count;
        }
      }
      if (best.kind === 'prefix') {
        push(this.byPrefix, best.key, entry);
      } else if (best.kind === 'suffix') {
        push(this.bySuffix, best.key, entry);
      } else {
        push(this.byGram, best.key, entry);
        this.gramHashes[gramHash(best.key, 0)] = 1;
      }
    }
    this.prefixLengths = sortedLengths(this.byPrefix);
    this.suffixLengths = sortedLengths(this.bySuffix);
  }

  /** Adds every entity with a pattern matching `value` to `candidates`. */
  collect(value: string, candidates: Candidates): void {
    this.consider(this.literals.get(value), value, candidates);
    for (const length of this.prefixLengths) {
      if (length > value.length) {
        break;
      }
      this.consider(
        this.byPrefix.get(value.slice(0, length)),
        value,
        candidates,
      );
    }
    for (const length of this.suffixLengths) {
      if (length > value.length) {
        break;
      }
      this.consider(
        this.bySuffix.get(value.slice(value.length - length)),
        value,
        candidates,
      );
    }
    if (this.byGram.size > 0) {
      // A gram repeated in the value (`000` in a zero-padded id) leads to the same
      // patterns; visiting them once keeps padded ids from costing many times more.
      const visited = this.visitedGrams;
      visited.length = 0;
      for (let i = 0; i + GRAM <= value.length; i++) {
        if (this.gramHashes[gramHash(value, i)] === 1) {
          const entries = this.byGram.get(value.slice(i, i + GRAM));
          if (entries !== undefined && !visited.includes(entries)) {
            visited.push(entries);
            this.consider(entries, value, candidates);
          }
        }
      }
    }
    this.consider(this.unindexed, value, candidates);
  }

  private consider(
    entries: Entry[] | undefined,
    value: string,
    candidates: Candidates,
  ): void {
    if (entries === undefined) {
      return;
    }
    for (const entry of entries) {
      if (matchesGlob(entry.glob, value)) {
        keepStrongest(candidates, entry.entityRef, entry.score);
      }
    }
  }
}
