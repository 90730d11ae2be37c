import {
  FinopsItamCostDelivery,
  FinopsItamCostFileContent,
} from '@finops-itam/plugin-finops-itam-node';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { makeScratchDirectory } from '../shared/scratchDirectory';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The key of a file among a source's fingerprints: `<delivery id>/<name>`, or the name. */
export const fileKey = (deliveryId: string, name: string) =>
  deliveryId === '' ? name : `${deliveryId}/${name}`;

/** A delivery's files on local disk, ready for the FOCUS reader. */
export interface DeliveryFiles {
  files: Array<{ key: string; path: string; fingerprint: string }>;
  /** Removes what was written for the delivery. */
  release(): Promise<void>;
}

function checkNames(
  delivery: FinopsItamCostDelivery,
  read: FinopsItamCostFileContent[],
) {
  const listed = delivery.files.map(f => f.name);
  const returned = read.map(f => f.name);
  const missing = listed.filter(name => !returned.includes(name));
  const extra = returned.filter(
    (name, i) => !listed.includes(name) || returned.indexOf(name) !== i,
  );
  if (missing.length > 0 || extra.length > 0) {
    // Fingerprints are kept per listed file: content for other names could never be skipped.
    throw new Error(
      `the content read does not match the files listed (${[
        ...missing.map(name => `no content for ${name}`),
        ...extra.map(name => `unexpected ${name}`),
      ].join(', ')})`,
    );
  }
}

/**
 * Reads a changed delivery: files already on disk are used where they are; content is
 * streamed to files in a folder of `tempDirectory`, so rows never pile up in memory.
 */
export async function readDeliveryFiles(
  delivery: FinopsItamCostDelivery,
  tempDirectory: string,
): Promise<DeliveryFiles> {
  const read = await delivery.read();
  checkNames(delivery, read);
  const listed = new Map(delivery.files.map(f => [f.name, f.fingerprint]));
  let directory: string | undefined;
  const release = async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  };
  try {
    const files: DeliveryFiles['files'] = [];
    for (const [index, file] of read.entries()) {
      let filePath: string;
      if ('path' in file) {
        filePath = file.path;
      } else {
        directory ??= await makeScratchDirectory('delivery', tempDirectory);
        filePath = path.join(directory, `${index}`);
        const { content } = file;
        // Whole strings and byte arrays are one chunk; Readable.from would iterate them.
        const chunks =
          typeof content === 'string' || content instanceof Uint8Array
            ? [content]
            : content;
        await pipeline(Readable.from(chunks), createWriteStream(filePath));
      }
      files.push({
        key: fileKey(delivery.id, file.name),
        path: filePath,
        fingerprint: file.fingerprint ?? listed.get(file.name)!,
      });
    }
    return { files, release };
  } catch (error) {
    await release();
    throw error;
  }
}
