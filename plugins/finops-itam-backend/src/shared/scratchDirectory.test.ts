import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  makeScratchDirectory,
  removeOrphanedScratch,
} from './scratchDirectory';

describe('scratch folders left by a killed backend', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'scratch-test-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('are removed at the next start, while live processes and other hosts keep theirs', async () => {
    // A process that has run and exited: its pid names no live process now.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const host = os.hostname().replace(/[^A-Za-z0-9.]/g, '_');
    const orphan = path.join(
      parent,
      `finops-itam-upload-${host}-${gone}-a1b2c3`,
    );
    await mkdir(orphan);
    await writeFile(path.join(orphan, 'export.csv'), 'half an upload');
    const mine = await makeScratchDirectory('duckdb', parent);
    const otherHost = path.join(
      parent,
      `finops-itam-upload-elsewhere-${gone}-d4e5f6`,
    );
    await mkdir(otherHost);
    const unrelated = path.join(parent, 'someone-elses-folder');
    await mkdir(unrelated);

    const removed = await removeOrphanedScratch(parent);

    expect(removed).toEqual([path.basename(orphan)]);
    expect((await readdir(parent)).sort()).toEqual(
      [
        path.basename(mine),
        path.basename(otherHost),
        'someone-elses-folder',
      ].sort(),
    );
  });
});
