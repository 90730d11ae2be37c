import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { FileRejectedError } from './errors';

/**
 * Largest decompressed size of one gzip file by default: 16 GiB, room for a month of a large
 * organisation's hourly export (10M rows are about 5 GiB of CSV), far below a disk filled by a
 * gzip bomb (a few kilobytes that expand a thousandfold and more).
 */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 16 * 1024 ** 3;

/** Raised inside the pipeline when the output passes the limit; turned into a rejection. */
class TooLargeError extends Error {}

/** Passes bytes through and fails as soon as more than `limit` have gone by. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) {
        callback(new TooLargeError());
        return;
      }
      callback(null, chunk);
    },
  });
}

/**
 * Decompresses a gzip file to `target`, streaming. Doing this ahead of DuckDB both proves
 * the archive is whole (DuckDB's sniffer turns a truncated archive into nonsense columns
 * instead of an error) and lets DuckDB read the plain CSV with all its threads.
 * Output beyond `maxBytes` stops the run and removes what was written, so a gzip bomb never
 * fills the disk.
 */
export async function gunzipToFile(
  source: string,
  target: string,
  displayName: string,
  maxBytes: number = DEFAULT_MAX_DECOMPRESSED_BYTES,
): Promise<void> {
  try {
    await pipeline(
      createReadStream(source),
      createGunzip(),
      byteLimit(maxBytes),
      createWriteStream(target),
    );
  } catch (error) {
    await rm(target, { force: true });
    if (error instanceof TooLargeError) {
      throw new FileRejectedError(
        `${displayName} decompresses to more than ${maxBytes} bytes, the limit set by ` +
          'finopsItam.ingestion.maxDecompressedBytes; nothing was stored. Split the export ' +
          'into smaller files or raise the limit.',
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new FileRejectedError(
      `${displayName} is a truncated or corrupt gzip file (${reason})`,
    );
  }
}
