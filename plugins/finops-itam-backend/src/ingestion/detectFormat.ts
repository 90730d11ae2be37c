import { open, stat } from 'node:fs/promises';
import { CostFileFormat } from '@finops-itam/plugin-finops-itam-common';
import { FileRejectedError } from './errors';

/**
 * Tells CSV, gzip-compressed CSV and Parquet apart by their first bytes rather than by
 * file name: uploads and object-store keys often carry no or misleading extensions.
 */
export async function detectFormat(
  path: string,
  displayName: string,
): Promise<CostFileFormat> {
  const { size } = await stat(path);
  if (size === 0) {
    throw new FileRejectedError(`${displayName} is empty`);
  }
  const handle = await open(path, 'r');
  try {
    // Enough to see a magic number, and to see NUL bytes that no CSV text contains.
    const head = Buffer.alloc(Math.min(size, 512));
    await handle.read(head, 0, head.length, 0);
    if (head.subarray(0, 4).toString('latin1') === 'PAR1') {
      return 'parquet';
    }
    if (head[0] === 0x1f && head[1] === 0x8b) {
      return 'csv.gz';
    }
    if (head.includes(0)) {
      throw new FileRejectedError(
        `${displayName} is neither CSV nor Parquet: it starts with binary data`,
      );
    }
    return 'csv';
  } finally {
    await handle.close();
  }
}
