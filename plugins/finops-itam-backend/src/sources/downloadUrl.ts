import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError, NotModifiedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  etagFingerprint,
  hashingStream,
  sha256Fingerprint,
} from './fingerprint';

/** A download on local disk, fingerprinted by the store's etag or else by its content. */
export interface Download {
  path: string;
  fingerprint: string;
}

/**
 * Streams one URL to the file `target()` names, hashing on the way. With `etag`, the reader
 * asks the store for the object only if it changed, and this answers `'not-modified'` when
 * it did not; then no file is made.
 */
export async function downloadUrl(
  urlReader: UrlReaderService,
  url: string,
  target: () => Promise<string>,
  etag?: string,
): Promise<Download | 'not-modified'> {
  let response;
  try {
    response = await urlReader.readUrl(url, etag ? { etag } : undefined);
  } catch (error) {
    // Compared by name: the reader may throw the class of another copy of @backstage/errors.
    if (isError(error) && error.name === NotModifiedError.name) {
      return 'not-modified';
    }
    throw error;
  }
  const hash = createHash('sha256');
  // Every Backstage reader of object stores implements stream(); buffer() is the fallback
  // for third-party readers only, and holds the file in memory once.
  const body = response.stream
    ? response.stream()
    : Readable.from([await response.buffer()]);
  const file = await target();
  await pipeline(body, hashingStream(hash), createWriteStream(file));
  return {
    path: file,
    fingerprint: response.etag
      ? etagFingerprint(response.etag)
      : sha256Fingerprint(hash),
  };
}
