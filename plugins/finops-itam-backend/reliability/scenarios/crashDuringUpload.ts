/**
 * `kill -9` of the backend while it ingests an uploaded 330 MB export: the previous data stays
 * exact, the interrupted ingestion is marked failed within minutes of the restart, the upload's
 * scratch folders go, and the same upload then succeeds.
 */
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { BackendProcess, sleep } from '../backendProcess';
import { factTotals, suiteDatabase } from '../database';
import { generateExport } from '../focusFiles';
import {
  Checks,
  Scenario,
  ScenarioContext,
  scratchFoldersOf,
  waitFor,
} from '../scenario';

export async function upload(
  backend: BackendProcess,
  file: string,
  source: string,
) {
  const form = new FormData();
  form.append('source', source);
  form.append('file', await openAsBlob(file), path.basename(file));
  return fetch(`${backend.url}/ingestions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${backend.token}` },
    body: form,
  });
}

export const crashDuringUpload: Scenario = {
  id: 'crash-during-upload',
  async run(context: ScenarioContext) {
    const checks = new Checks();
    const baseline = path.join(context.workDir, 'baseline.csv');
    const big = path.join(context.workDir, 'big.csv');
    await generateExport(baseline, 5_000, '2026-09', 'baseline');
    await generateExport(big, 400_000, '2026-10', 'big');
    const backend = new BackendProcess({
      port: context.port,
      databasePrefix: context.databasePrefix,
      workDir: context.workDir,
      name: 'crash-upload',
    });
    const db = suiteDatabase(context.databasePrefix);
    try {
      await backend.start();
      const first = await upload(backend, baseline, 'uploads');
      checks.equal(first.status, 201, 'baseline upload status');
      const before = await factTotals(db);

      const pending = upload(backend, big, 'uploads').catch(() => undefined);
      const running = await waitFor(
        async () => {
          const { body } = await backend.call('GET', '/ingestions?limit=5');
          return (body as any[]).find(i => i.status === 'running');
        },
        120_000,
        200,
      );
      checks.that(running !== undefined, 'the big upload was seen running');
      await sleep(2_000); // well inside the DuckDB read of 400,000 rows
      const killedPid = backend.pid!;
      await backend.kill();
      await pending;
      context.log(`killed ${killedPid} during ingestion ${running?.id}`);

      const restartedAt = Date.now();
      await backend.start();
      const failed = await waitFor(
        async () => {
          const { body } = await backend.call(
            'GET',
            `/ingestions/${running?.id}`,
          );
          return body?.status === 'failed' ? body : undefined;
        },
        5 * 60_000,
        2_000,
      );
      const markedAfterS = Math.round((Date.now() - restartedAt) / 1000);
      checks.that(
        failed !== undefined,
        'the interrupted ingestion was marked failed within 5 minutes',
      );
      checks.that(
        /^Interrupted/.test(failed?.message ?? ''),
        `its message says interrupted: ${failed?.message}`,
      );
      checks.equal(
        await factTotals(db),
        before,
        'facts after the crash equal those before',
      );
      checks.equal(
        await scratchFoldersOf(killedPid),
        [],
        'scratch folders of the killed process',
      );

      const again = await upload(backend, big, 'uploads');
      const report = (await again.json()) as any;
      checks.equal(
        report.status,
        'succeeded',
        'the same upload after the restart',
      );
      checks.that(
        (report.totals ?? []).every((t: any) => t.reconciled),
        'its totals reconcile with the file',
      );
      return checks.row({
        fault:
          '`kill -9` of the backend 2 s into ingesting a 330 MB upload (400,000 rows)',
        happened: `the ingestion was marked failed ("Interrupted: …") ${markedAfterS} s after the restart; facts of the earlier delivery unchanged to the last decimal; the killed process's scratch folders were removed at the restart; the same upload then succeeded and reconciled`,
        userSees:
          'the upload request fails (connection closed); GET /ingestions shows the run failed as interrupted, the earlier data as before',
      });
    } finally {
      await backend.stop();
      await db.destroy();
    }
  },
};
