/*
 * Runs one load job in a child process (loadProcess.ts), so that the load client does not
 * share the event loop of the server under test.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { LoadResult } from './load';
import type { LoadJob } from './loadProcess';

export function loadFromOtherProcess(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'loadProcess.ts'), [], {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
    });
    // The TypeScript loader also talks over the IPC channel ({ type: 'watch' }): skip that.
    child.on('message', message => {
      if (message && typeof message === 'object' && 'requests' in message)
        resolve(message as LoadResult);
    });
    child.once('error', reject);
    child.once('exit', code => {
      if (code !== 0) reject(new Error(`load process exited with ${code}`));
    });
    child.send(job);
  });
}
