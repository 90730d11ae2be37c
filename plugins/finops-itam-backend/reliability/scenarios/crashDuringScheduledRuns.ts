/**
 * `kill -9` during a scheduled cost source run, then during the allocation run that follows
 * it: each interrupted run is marked failed within minutes of the restart, the next scheduled
 * runs complete by themselves, and afterwards allocated + unallocated = total, to the cent,
 * equal to what was ingested.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BackendProcess, sleep } from '../backendProcess';
import { factTotals, suiteDatabase } from '../database';
import { checkConservation, describeConservation } from '../conservation';
import { Money } from '../../src/money';
import { generateExport } from '../focusFiles';
import {
  Checks,
  Scenario,
  ScenarioContext,
  scratchFoldersOf,
  waitFor,
} from '../scenario';

const SOURCE = 'drop';

export const crashDuringScheduledRuns: Scenario = {
  id: 'crash-during-scheduled-runs',
  async run(context: ScenarioContext) {
    const checks = new Checks();
    const dropDir = path.join(context.workDir, 'drop');
    await mkdir(dropDir);
    const big = path.join(context.workDir, 'big.csv');
    await generateExport(big, 400_000, '2026-10', 'scheduled');
    const backend = new BackendProcess({
      port: context.port,
      databasePrefix: context.databasePrefix,
      workDir: context.workDir,
      name: 'crash-scheduled',
      config: {
        costSources: [
          {
            id: SOURCE,
            location: dropDir,
            schedule: {
              frequency: { minutes: 1 },
              // The scheduler's lease on a global task lasts its timeout: a run that dies
              // holds it that long, so the next scheduled run waits for it (3 minutes here).
              timeout: { minutes: 3 },
              initialDelay: { seconds: 5 },
            },
          },
        ],
      },
    });
    const db = suiteDatabase(context.databasePrefix);
    const latest = async (table: string) =>
      db(table)
        .orderBy(table.endsWith('runs') ? 'id' : 'started_at', 'desc')
        .first();
    try {
      await backend.start();
      await copyFile(big, path.join(dropDir, 'october.csv'));

      // 1. The scheduled source run, killed while it ingests.
      const ingestion = await waitFor(
        async () => {
          const row = await latest('finops_itam_ingestions');
          return row?.status === 'running' ? row : undefined;
        },
        180_000,
        250,
      );
      checks.that(
        ingestion !== undefined,
        'the scheduled source run was seen ingesting',
      );
      await sleep(2_000);
      let killedPid = backend.pid!;
      await backend.kill();
      let restartedAt = Date.now();
      await backend.start();
      const ingestionFailed = await waitFor(
        async () => {
          const row = await db('finops_itam_ingestions')
            .where('id', ingestion?.id)
            .first();
          return row?.status === 'failed' ? row : undefined;
        },
        5 * 60_000,
        2_000,
      );
      const ingestionMarkedS = Math.round((Date.now() - restartedAt) / 1000);
      checks.that(
        /^Interrupted/.test(ingestionFailed?.message ?? ''),
        'the source run was marked interrupted',
      );
      checks.equal(
        await scratchFoldersOf(killedPid),
        [],
        'scratch folders of the first killed process',
      );

      // 2. The next scheduled run ingests the file; allocation follows it: killed too.
      const succeeded = await waitFor(
        async () => {
          const row = await latest('finops_itam_ingestions');
          return row?.status === 'succeeded' ? row : undefined;
        },
        10 * 60_000,
        1_000,
      );
      const nextRunS = Math.round((Date.now() - restartedAt) / 1000);
      checks.that(
        succeeded !== undefined,
        'the next scheduled source run succeeded by itself',
      );
      const run = await waitFor(
        async () => {
          const row = await latest('finops_itam_allocation_runs');
          return row?.status === 'running' ? row : undefined;
        },
        120_000,
        100,
      );
      checks.that(
        run !== undefined,
        'the allocation run after the ingestion was seen running',
      );
      killedPid = backend.pid!;
      await backend.kill();
      context.log(`killed ${killedPid} during allocation run ${run?.id}`);
      restartedAt = Date.now();
      await backend.start();
      const runFailed = await waitFor(
        async () => {
          const row = await db('finops_itam_allocation_runs')
            .where('id', run?.id)
            .first();
          return row?.status === 'failed' ? row : undefined;
        },
        5 * 60_000,
        2_000,
      );
      const runMarkedS = Math.round((Date.now() - restartedAt) / 1000);
      checks.that(
        /^Interrupted/.test(runFailed?.message ?? ''),
        'the allocation run was marked interrupted',
      );

      // 3. Allocation catches up by itself; conservation holds against what was ingested.
      const allocated = await backend.call('POST', '/allocation/run');
      checks.equal(
        allocated.body?.status,
        'succeeded',
        'an allocation run after the restart',
      );
      const coverage = await backend.call(
        'GET',
        '/allocation/coverage?from=2026-10-01&to=2026-11-01',
      );
      const stored = await factTotals(db);
      const { total, allocated: part, unallocated } = coverage.body ?? {};
      checks.that(
        coverage.status === 200 &&
          new Money(part).plus(unallocated).eq(new Money(total)),
        `allocated ${part} + unallocated ${unallocated} = total ${total}`,
      );
      const storedTotal = stored.find(
        t => t.currency === coverage.body?.currency,
      )?.effective;
      checks.that(
        storedTotal !== undefined && new Money(total ?? 0).eq(storedTotal),
        `the coverage total ${total} equals the stored facts ${storedTotal}`,
      );
      const conservation = await checkConservation(db);
      checks.that(conservation.cells > 0, 'cost cells to check');
      checks.equal(conservation.broken, [], 'conservation after the crashes');
      return checks.row({
        fault:
          '`kill -9` during a scheduled cost source run (400,000 rows), then during the allocation run that followed the next one',
        happened: `the source's ingestion was marked failed ("Interrupted: …") ${ingestionMarkedS} s after the restart and the next scheduled run ingested the file by itself ${nextRunS} s after the restart, once the dead run's scheduler lease (the schedule's timeout, 3 min here) ran out; the allocation run was marked failed as interrupted ${runMarkedS} s after the second restart; a new run succeeded; allocated + unallocated = total = the stored facts, and direct + shared + unallocated = total on each of ${
          conservation.cells
        } day × currency × basis cells (${describeConservation(conservation)})`,
        userSees:
          'GET /sources and /ingestions show the interrupted run as failed, then the next one succeeded; cost answers stop saying allocation is running within 2 minutes of the crash',
      });
    } finally {
      await backend.stop();
      await db.destroy();
    }
  },
};
