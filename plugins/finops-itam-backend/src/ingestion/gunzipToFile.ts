import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { FileRejectedError } from './errors';

/**
 * Decompresses a gzip file to `target`, streaming. Doing this ahead of DuckDB both proves
 * the archive is whole (DuckDB's sniffer turns a truncated archive into nonsense columns
 * instead of an error) and lets DuckDB read the plain CSV with all its threads.
 */
export async function gunzipToFile(
  source: string,
  target: string,
  displayName: string,
): Promise<void> {
  try {
    await pipeline(
      createReadStream(source),
      createGunzip(),
      createWriteStream(target),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FileRejectedError(
      `${displayName} is a truncated or corrupt gzip file (${reason})`,
    );
  }
}
