/**
 * The suite's database refuses every connection for 30 s (open ones cut) while requests
 * and a scheduled source run are under way: health says so with a non-200, API calls fail
 * fast with 503 and a message, no run records a success it did not have, and everything
 * answers again by itself once the database is back.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BackendProcess, sleep } from '../backendProcess';
import { setDatabaseReachable, suiteDatabase } from '../database';
import { generateExport } from '../focusFiles';
import { Checks, Scenario, ScenarioContext, waitFor } from '../scenario';

const OUTAGE_MS = 30_000;

async function timed<T>(work: () => Promise<T>) {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

export const databaseOutage: Scenario = {
  id: 'database-outage',
  async run(context: ScenarioContext) {
    const checks = new Checks();
    const dropDir = path.join(context.workDir, 'drop');
    await mkdir(dropDir);
    const file = path.join(context.workDir, 'outage.csv');
    await generateExport(file, 200_000, '2026-10', 'outage');
    const backend = new BackendProcess({
      port: context.port,
      databasePrefix: context.databasePrefix,
      workDir: context.workDir,
      name: 'outage',
      config: {
        costSources: [
          {
            id: 'drop',
            location: dropDir,
            schedule: {
              frequency: { seconds: 30 },
              timeout: { minutes: 3 },
              initialDelay: { seconds: 1 },
            },
          },
        ],
      },
    });
    const db = suiteDatabase(context.databasePrefix);
    try {
      await backend.start();
      await copyFile(file, path.join(dropDir, 'october.csv'));
      // The outage starts while the source run ingests.
      await waitFor(
        async () => {
          const row = await db('finops_itam_ingestions')
            .orderBy('started_at', 'desc')
            .first();
          return row?.status === 'running' ? row : undefined;
        },
        120_000,
        200,
      );
      await setDatabaseReachable(context.databasePrefix, false);
      const outageStarted = Date.now();
      const health = await timed(() => backend.call('GET', '/health'));
      const cost = await timed(() =>
        backend.call(
          'GET',
          '/allocation/coverage?from=2026-10-01&to=2026-11-01',
        ),
      );
      checks.equal(health.value.status, 503, 'health during the outage');
      checks.equal(cost.value.status, 503, 'a cost query during the outage');
      checks.that(
        /database is not reachable/.test(cost.value.body?.error?.message ?? ''),
        `the 503 says why: ${cost.value.body?.error?.message}`,
      );
      await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
      await setDatabaseReachable(context.databasePrefix, true);
      const backAt = Date.now();

      const healthy = await waitFor(
        async () => {
          const { status } = await backend.call('GET', '/health');
          return status === 200 ? true : undefined;
        },
        120_000,
        500,
      );
      const recoveredS = ((Date.now() - backAt) / 1000).toFixed(1);
      checks.that(healthy === true, 'health answers 200 again by itself');
      const after = await backend.call(
        'GET',
        '/allocation/coverage?from=2026-10-01&to=2026-11-01',
      );
      checks.equal(after.status, 200, 'a cost query after the outage');

      // The run caught by the outage never reads succeeded unless its data is all there.
      const finished = await waitFor(
        async () => {
          const rows = await db('finops_itam_ingestions').where(
            'source_id',
            'drop',
          );
          return rows.some(r => r.status === 'succeeded') ? rows : undefined;
        },
        6 * 60_000,
        2_000,
      );
      checks.that(
        finished !== undefined,
        'a source run succeeded after the outage',
      );
      const succeeded = (finished ?? []).filter(r => r.status === 'succeeded');
      checks.equal(
        succeeded.length,
        1,
        'successful ingestions of the delivery',
      );
      const report = JSON.parse(succeeded[0]?.report_json ?? '{}');
      checks.that(
        (report.totals ?? []).every((t: any) => t.reconciled),
        'the successful run reconciles with the file',
      );
      return checks.row({
        fault: `PostgreSQL refuses the suite's database for ${
          OUTAGE_MS / 1000
        } s (open connections cut) while a scheduled source run ingests 200,000 rows`,
        happened: `health answered ${health.value.status} in ${
          health.ms
        } ms and a cost query ${cost.value.status} in ${
          cost.ms
        } ms during the outage; health was 200 again ${recoveredS} s after the database returned; the source run caught by the outage ended failed, a later run succeeded and reconciled (${(
          finished ?? []
        )
          .map(r => r.status)
          .join(', ')})`,
        userSees:
          '503 "The finops-itam database is not reachable right now (…); nothing was changed" on every call, at once rather than after a timeout; normal answers again without a restart',
      });
    } finally {
      await setDatabaseReachable(context.databasePrefix, true).catch(
        () => undefined,
      );
      await backend.stop();
      await db.destroy();
    }
  },
};
