import type { AllocationConflictRecord } from '../database/AllocationStore';
import type { StoredAllocationKey } from '../database/AllocationKeyStore';

/**
 * Conflicts of one run, one entry per distinct (resource, rule, winner, candidates) with
 * the number of facts, so the stored snapshot stays small however many days a resource has.
 * Keys are collected during the run; their facts are counted once at the end.
 */
export class ConflictCollector {
  private readonly entries = new Map<
    string,
    { record: AllocationConflictRecord; keys: string[] }
  >();

  add(
    key: StoredAllocationKey,
    winner: string,
    rule: string,
    candidates: readonly string[],
  ): void {
    const id = [
      key.resourceId ?? '\u0001',
      key.resourceName ?? '\u0001',
      rule,
      winner,
      ...candidates,
    ].join('\u0000');
    const entry = this.entries.get(id);
    if (entry) {
      entry.keys.push(key.key);
    } else {
      this.entries.set(id, {
        record: {
          resourceId: key.resourceId,
          resourceName: key.resourceName,
          rule,
          winner,
          candidates: [...candidates],
          factCount: 0,
        },
        keys: [key.key],
      });
    }
  }

  keys(): string[] {
    return [...this.entries.values()].flatMap(e => e.keys);
  }

  /** The conflicts with their fact counts; conflicts of keys without facts are dropped. */
  rows(factsByKey: ReadonlyMap<string, number>): AllocationConflictRecord[] {
    return [...this.entries.values()]
      .map(({ record, keys }) => ({
        ...record,
        factCount: keys.reduce((n, key) => n + (factsByKey.get(key) ?? 0), 0),
      }))
      .filter(record => record.factCount > 0);
  }
}
