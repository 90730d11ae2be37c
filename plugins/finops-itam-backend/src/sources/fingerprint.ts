import { createHash, Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';

/**
 * Fingerprints say which of the two checks applies: `etag:` values go back to the object
 * store as `If-None-Match`; `sha256:` values are compared after hashing the content.
 */
export const etagFingerprint = (etag: string) => `etag:${etag}`;
export const sha256Fingerprint = (hash: Hash) => `sha256:${hash.digest('hex')}`;

/** The etag in a stored fingerprint, if it is one. */
export function etagOf(fingerprint: string | undefined): string | undefined {
  return fingerprint?.startsWith('etag:') ? fingerprint.slice(5) : undefined;
}

/** sha256 of a file, read in chunks: exports run to gigabytes. */
export async function fingerprintFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk);
  }
  return sha256Fingerprint(hash);
}

/** A pass-through stream that feeds what flows through it into `hash`. */
export function hashingStream(hash: Hash): Transform {
  return new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}
