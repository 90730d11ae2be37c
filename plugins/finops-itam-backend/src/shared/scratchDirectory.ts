import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Scratch folders (uploads being read, decompressed exports, DuckDB spill files) carry the
 * host and process that made them: `finops-itam-<kind>-<host>-<pid>-XXXXXX`. A backend killed
 * mid-run leaves its folder behind; the next start on the same host removes the folders of
 * processes that no longer run, and never those of a replica still at work beside it.
 */

const PREFIX = 'finops-itam-';

/** Host names may hold dashes; only the characters a folder name can take are kept. */
const hostTag = () => os.hostname().replace(/[^A-Za-z0-9.]/g, '_');

/** Makes a new scratch folder under `parent` (the OS temp folder by default). */
export async function makeScratchDirectory(
  kind: string,
  parent: string = os.tmpdir(),
): Promise<string> {
  return mkdtemp(
    path.join(parent, `${PREFIX}${kind}-${hostTag()}-${process.pid}-`),
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the scratch folders of this host's processes that are gone; answers their names.
 * Folders of other hosts (a shared temp folder) and of live processes stay.
 */
export async function removeOrphanedScratch(
  parent: string = os.tmpdir(),
): Promise<string[]> {
  const pattern = new RegExp(
    `^${PREFIX}[a-z]+-${hostTag().replace(/\./g, '\\.')}-(\\d+)-[^-]+$`,
  );
  const removed: string[] = [];
  for (const entry of await readdir(parent, { withFileTypes: true })) {
    const pid = pattern.exec(entry.name)?.[1];
    if (!entry.isDirectory() || pid === undefined) continue;
    if (Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await rm(path.join(parent, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed.sort();
}
