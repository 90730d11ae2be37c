/**
 * Two backend processes on one PostgreSQL database. The scheduled source run happens once
 * per schedule (never once per replica, never two at a time), an upload through one and an
 * allocation run through the other leave exactly the totals of one delivery each, and both
 * answer the same bytes for the same cost query right after a change.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BackendProcess, sleep } from '../backendProcess';
import { factTotals, suiteDatabase } from '../database';
import { generateExport } from '../focusFiles';
import { Checks, Scenario, ScenarioContext, waitFor } from '../scenario';
import { upload } from './crashDuringUpload';

const SOURCE = 'drop';

export const twoReplicas: Scenario = {
  id: 'two-replicas',
  async run(context: ScenarioContext) {
    const checks = new Checks();
    const dropDir = path.join(context.workDir, 'drop');
    await mkdir(dropDir);
    const scheduled = path.join(context.workDir, 'scheduled.csv');
    const uploaded = path.join(context.workDir, 'uploaded.csv');
    await generateExport(scheduled, 50_000, '2026-09', 'replica-source');
    await generateExport(uploaded, 50_000, '2026-10', 'replica-upload');
    const replica = (index: number) =>
      new BackendProcess({
        port: context.port + index,
        databasePrefix: context.databasePrefix,
        workDir: context.workDir,
        name: `replica-${index}`,
        config: {
          costSources: [
            {
              id: SOURCE,
              location: dropDir,
              schedule: {
                frequency: { seconds: 20 },
                timeout: { minutes: 5 },
                initialDelay: { seconds: 1 },
              },
            },
          ],
        },
      });
    const a = replica(0);
    const b = replica(1);
    const db = suiteDatabase(context.databasePrefix);
    try {
      // One starts first so that its migrations are done when the other starts.
      await a.start();
      await b.start();
      await copyFile(scheduled, path.join(dropDir, 'september.csv'));

      // Three schedules of 20 s pass; the delivery must be ingested exactly once.
      const ingested = await waitFor(
        async () => {
          const rows = await db('finops_itam_ingestions').where(
            'source_id',
            SOURCE,
          );
          return rows.some(r => r.status === 'succeeded') ? rows : undefined;
        },
        180_000,
        1_000,
      );
      await sleep(60_000);
      const sourceRuns = await db('finops_itam_ingestions').where(
        'source_id',
        SOURCE,
      );
      checks.equal(
        sourceRuns.map(r => r.status),
        ['succeeded'],
        'ingestions of the scheduled delivery across both replicas',
      );
      checks.that(
        ingested !== undefined,
        'the scheduled delivery was ingested',
      );

      // An upload through A, allocation through B.
      const response = await upload(a, uploaded, 'uploads');
      const report = (await response.json()) as any;
      checks.equal(report.status, 'succeeded', 'upload through replica A');
      const run = await b.call('POST', '/allocation/run');
      checks.equal(
        run.body?.status,
        'succeeded',
        'allocation run through replica B',
      );
      const sourceReport = await a.call(
        'GET',
        `/ingestions/${sourceRuns[0]?.id}`,
      );
      const expected = [
        ...(sourceReport.body?.totals ?? []),
        ...(report.totals ?? []),
      ]
        .map((t: any) => Number(t.storedEffectiveCost ?? t.effectiveCost))
        .reduce((x: number, y: number) => x + y, 0);
      const stored = await factTotals(db);
      checks.equal(
        Number(stored[0]?.effective).toFixed(6),
        expected.toFixed(6),
        'stored facts equal the two deliveries, each once',
      );

      // The same question to both replicas right after the change: the same bytes.
      const query = '/allocation/coverage?from=2026-09-01&to=2026-11-01';
      const [fromA, fromB] = await Promise.all([
        a.call('GET', query),
        b.call('GET', query),
      ]);
      checks.equal(fromA.status, 200, 'coverage from A');
      checks.equal(
        JSON.stringify(fromA.body),
        JSON.stringify(fromB.body),
        'A and B answer alike',
      );
      return {
        fault:
          'two backend processes on one PostgreSQL database, a cost source scheduled every 20 s on both',
        happened: `over ${Math.round(
          80 + 20,
        )} s and several schedules the delivery was ingested once (${
          sourceRuns.length
        } ingestion record); an upload through A and an allocation run through B left the stored facts equal to the two deliveries' totals; both replicas answered the same coverage bytes right after`,
        userSees:
          'one ingestion per delivery in GET /ingestions whichever replica ran it; the same answers from either replica',
        dataLost:
          checks.failures.length === 0
            ? 'none; nothing counted twice'
            : 'see failures',
        passed: checks.failures.length === 0,
        failures: checks.failures,
      };
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.destroy();
    }
  },
};
