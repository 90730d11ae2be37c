/**
 * A Map that stops growing when full. Facts arrive day by day and each day repeats the
 * resources of the day before: a cache that emptied itself when full would, once a day
 * holds more resources than it fits, evict every entry before its next use and never hit.
 * Keeping the first entries instead serves them on every later day, bounds memory and
 * creates no garbage. Entries never go stale, since the rules are fixed once compiled.
 * A capacity of 0 or less caches nothing.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.entries.size < this.capacity) {
      this.entries.set(key, value);
    }
  }
}
