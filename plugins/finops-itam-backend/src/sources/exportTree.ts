import fg from 'fast-glob';
import path from 'node:path';
import { TreeEntry } from './deliveryCandidates';

/** A file of a local directory location with its absolute path. */
export interface LocalTreeEntry extends TreeEntry {
  absolute: string;
}

/**
 * Every file below a local directory (not only cost files: manifests decide what a delivery
 * is), with `/`-separated relative paths and modification times, in code-unit order.
 */
export async function listLocalTree(
  directory: string,
): Promise<LocalTreeEntry[]> {
  const found = await fg('**/*', {
    cwd: directory,
    onlyFiles: true,
    dot: false,
    stats: true,
  });
  return found
    .map(entry => ({
      path: entry.path,
      absolute: path.join(directory, ...entry.path.split('/')),
      modifiedAt: entry.stats?.mtimeMs,
    }))
    .sort((a, b) => Number(a.path > b.path) - Number(a.path < b.path));
}
