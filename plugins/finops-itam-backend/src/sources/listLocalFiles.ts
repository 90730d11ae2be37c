import fg from 'fast-glob';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LocationNotFoundError } from './errors';

/** A file on local disk and its key: its path relative to the location root, `/`-separated. */
export interface LocalFile {
  path: string;
  key: string;
}

/** What a directory location picks up; `.gz` covers `.csv.gz`. Parquet-in-gzip is not a thing. */
export const COST_FILE_PATTERN = '**/*.{csv,gz,parquet}';

const toKey = (root: string, file: string) =>
  path.relative(root, file).split(path.sep).join('/');

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function globFrom(
  cwd: string,
  pattern: string,
  keyRoot: string,
): Promise<LocalFile[]> {
  const files = await fg(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    caseSensitiveMatch: false,
  });
  return files.map(file => ({
    path: path.normalize(file),
    key: toKey(keyRoot, path.normalize(file)),
  }));
}

/**
 * Lists the cost files of a local location: one file, a directory (recursively), or a glob.
 * Relative locations resolve against `workingDirectory`, the backend's working directory.
 * Sorted by key, so a delivery of several files is always read in the same order.
 */
export async function listLocalFiles(
  location: string,
  workingDirectory: string,
): Promise<LocalFile[]> {
  const resolved = path.resolve(workingDirectory, location);
  const info = await statOrUndefined(resolved);
  let files: LocalFile[] = [];
  // An existing path wins over glob syntax: `bill[1].csv` may be a real file name.
  if (info?.isFile()) {
    files = [{ path: resolved, key: path.basename(resolved) }];
  } else if (info?.isDirectory()) {
    files = await globFrom(resolved, COST_FILE_PATTERN, resolved);
  } else if (fg.isDynamicPattern(location)) {
    // Keys are relative to the part of the pattern before the first wildcard.
    const [{ base }] = fg.generateTasks([location]);
    const keyRoot = path.resolve(workingDirectory, base);
    files = await globFrom(workingDirectory, location, keyRoot);
  }
  if (files.length === 0) {
    const where = resolved === location ? '' : ` (${resolved})`;
    const looked = info?.isDirectory()
      ? ' (looked for *.csv, *.csv.gz, *.gz and *.parquet)'
      : '';
    throw new LocationNotFoundError(
      `location "${location}"${where} matches no files${looked}`,
    );
  }
  // Code-unit order, not locale order: the same on every machine.
  return files.sort((a, b) => Number(a.key > b.key) - Number(a.key < b.key));
}
