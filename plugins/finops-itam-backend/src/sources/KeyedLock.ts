/**
 * Runs work for one key at a time within this process, in call order. A source refresh
 * from the API and the scheduled run of the same source must not read and replace the same
 * billing periods at once; across replicas the scheduler's global scope and the store's
 * per-source transaction lock take over.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.#tails.set(key, tail);
    try {
      return await current;
    } finally {
      // Forget the key once idle, so the map does not grow with every source ever run.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
