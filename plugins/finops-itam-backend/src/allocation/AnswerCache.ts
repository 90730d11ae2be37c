/** Megabytes of serialized cost answers a backend keeps by default. */
export const DEFAULT_ANSWER_CACHE_MEGABYTES = 64;

/**
 * Answers computed from one version of the data (see `costDataVersion.ts`).
 *
 * An answer is kept until the data version changes (then every answer goes at once: each
 * was computed from the old data) or until the answers' sizes (`sizeOf`, in bytes) add up
 * to more than `maxBytes`, when the least recently used go first. Concurrent misses on one
 * key share one computation, so fifty users opening the same service page compute it
 * once. A failed computation is not kept. `maxBytes` 0 turns caching off.
 */
export class AnswerCache<T> {
  private version: string | undefined;
  /** Map order is use order: the first entry is the least recently used. */
  private readonly answers = new Map<string, T>();
  private readonly computing = new Map<string, Promise<T>>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (answer: T) => number,
  ) {}

  /** The answer for `key` under data `version`, computed by `compute` when not held. */
  async get(
    version: string,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (this.maxBytes <= 0) {
      return compute();
    }
    if (version !== this.version) {
      this.forgetAll(version);
    }
    const held = this.answers.get(key);
    if (held !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, held);
      return held;
    }
    const running = this.computing.get(key);
    if (running) {
      return running;
    }
    const computation = compute();
    this.computing.set(key, computation);
    try {
      const answer = await computation;
      // A computation that outlived its version is served to its callers only.
      if (this.version === version && this.computing.get(key) === computation) {
        this.keep(key, answer);
      }
      return answer;
    } finally {
      if (this.computing.get(key) === computation) {
        this.computing.delete(key);
      }
    }
  }

  /** How many answers and bytes are held (for tests and the benchmark). */
  size(): { answers: number; bytes: number } {
    return { answers: this.answers.size, bytes: this.bytes };
  }

  private forgetAll(version: string): void {
    this.version = version;
    this.answers.clear();
    this.computing.clear();
    this.bytes = 0;
  }

  private keep(key: string, answer: T): void {
    const size = this.sizeOf(answer);
    if (size > this.maxBytes) {
      return;
    }
    this.answers.set(key, answer);
    this.bytes += size;
    for (const [oldest, value] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.bytes -= this.sizeOf(value);
    }
  }
}
