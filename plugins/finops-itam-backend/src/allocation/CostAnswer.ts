import { createHash } from 'node:crypto';

/** An answer as sent: the bytes of the JSON body and their ETag. */
export interface SentAnswer {
  body: Buffer;
  etag: string;
}

/** Bytes kept for the status member of an answer (its JSON is well under this). */
const STATUS_ALLOWANCE = 128;

const statusMember = (status: string) => `,"allocation":${status}}`;

const etagOf = (body: Buffer) =>
  `"${createHash('sha1').update(body).digest('base64url')}"`;

/**
 * One entity's cost answer as kept in the answer cache: the bytes sent, whose last member
 * is the allocation status. The status changes more often than the cost (every run, and
 * while facts wait for allocation), so it is replaced in the bytes instead of recomputing
 * the cost. Only the bytes are held (a 365-day answer is ~36 KB), and they and their
 * ETag are computed once per status, not once per request: hashing and encoding cost more
 * than the rest of a cache hit.
 */
export class CostAnswer {
  /** Bytes held, fixed so the cache's accounting stays exact. */
  readonly size: number;
  /** Length in bytes of the cost JSON without its closing brace. */
  private readonly costBytes: number;
  private sent: SentAnswer & { status: string };

  /** `cost` is the JSON of an object; `status` that of the allocation status. */
  constructor(cost: string, status: string) {
    const body = Buffer.from(`${cost.slice(0, -1)}${statusMember(status)}`);
    this.costBytes = Buffer.byteLength(cost) - 1;
    this.size = this.costBytes + STATUS_ALLOWANCE;
    this.sent = { status, body, etag: etagOf(body) };
  }

  /** The answer with `status` (JSON) as its `allocation` member. */
  withStatus(status: string): SentAnswer {
    if (this.sent.status !== status) {
      const body = Buffer.concat([
        this.sent.body.subarray(0, this.costBytes),
        Buffer.from(statusMember(status)),
      ]);
      this.sent = { status, body, etag: etagOf(body) };
    }
    return this.sent;
  }
}
