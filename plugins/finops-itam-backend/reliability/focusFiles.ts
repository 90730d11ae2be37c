/** FOCUS exports for the reliability runs, written by the project's own generator. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const generator = path.resolve(
  __dirname,
  '../../../packages/focus-generator/bin/focus-generator',
);

/** `rows` hourly charges of one billing period starting in `month` (YYYY-MM). */
export async function generateExport(
  file: string,
  rows: number,
  month: string,
  seed: string,
): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      generator,
      'bench',
      '--rows',
      String(rows),
      '--out',
      file,
      '--first-month',
      month,
      '--seed',
      seed,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}
