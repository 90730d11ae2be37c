/**
 * Keeps one computed value for a short time, so that a page showing the position, an
 * entity's licenses and reharvest candidates does not recompute the whole license position
 * (the catalog and every licensed cost row) once per request.
 *
 * A cached value is served while it is younger than `ttlMs`, its `fingerprint` (a cheap
 * read of what the value depends on, e.g. the latest ingestion and allocation run) is
 * unchanged and nobody called `invalidate()` since its computation started. Concurrent
 * reads share one computation. The TTL bounds staleness for what no fingerprint covers
 * (catalog edits, writes on another backend instance).
 */
export class SnapshotCache<T> {
  private generation = 0;
  private cached?: {
    value: T;
    fingerprint: string;
    at: number;
    generation: number;
  };
  private inFlight?: {
    promise: Promise<T>;
    fingerprint: string;
    generation: number;
  };

  constructor(
    private readonly options: {
      compute: () => Promise<T>;
      fingerprint: () => Promise<string>;
      ttlMs: number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Forgets the cached value; a computation already running is not stored either. */
  invalidate(): void {
    this.generation += 1;
    this.cached = undefined;
    this.inFlight = undefined;
  }

  async get(): Promise<T> {
    const fingerprint = await this.options.fingerprint();
    const generation = this.generation;
    const cached = this.cached;
    if (
      cached &&
      cached.generation === generation &&
      cached.fingerprint === fingerprint &&
      this.now() - cached.at < this.options.ttlMs
    ) {
      return cached.value;
    }
    if (
      this.inFlight &&
      this.inFlight.generation === generation &&
      this.inFlight.fingerprint === fingerprint
    ) {
      return this.inFlight.promise;
    }
    const at = this.now();
    const promise = this.options.compute();
    const flight = { promise, fingerprint, generation };
    this.inFlight = flight;
    try {
      const value = await promise;
      // A write during the computation may not be in the value: serve it to this caller only.
      if (this.generation === generation) {
        this.cached = { value, fingerprint, at, generation };
      }
      return value;
    } finally {
      if (this.inFlight === flight) this.inFlight = undefined;
    }
  }
}
