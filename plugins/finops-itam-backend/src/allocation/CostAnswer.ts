import { createHash } from 'node:crypto';

/** An answer as sent: the bytes of the JSON body and their ETag. */
export interface SentAnswer {
  body: Buffer;
  etag: string;
}

/**
 * One entity's cost answer, kept in the answer cache: the JSON of the cost without the
 * allocation status, which changes more often than the cost (every run, and while facts
 * wait for allocation) and is added as the answer is sent. The bytes sent and their ETag
 * are computed once per status, not once per request: hashing and encoding a 365-day
 * answer (~36 KB) costs more than the rest of a cache hit.
 */
export class CostAnswer {
  private sent?: SentAnswer & { status: string };

  /**
   * Bytes held, fixed so the cache's accounting stays exact: the cost text (ASCII, a byte
   * per character) and the bytes sent, which are the same text plus the short status.
   */
  readonly size: number;

  /** `cost` is the JSON of an object: the status goes in before its closing brace. */
  constructor(readonly cost: string) {
    this.size = 2 * cost.length + 128;
  }

  /** The answer with `status` (JSON) as its `allocation` member. */
  withStatus(status: string): SentAnswer {
    if (this.sent?.status !== status) {
      const body = Buffer.from(
        `${this.cost.slice(0, -1)},"allocation":${status}}`,
      );
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      this.sent = { status, body, etag };
    }
    return this.sent;
  }
}
