/**
 * Two backend processes on one PostgreSQL database. The scheduled source run happens once
 * per schedule (never once per replica, never two at a time), an upload through one and an
 * allocation run through the other leave exactly the totals of one delivery each, and both
 * answer the same bytes for the same cost query right after a change.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { replicaOf, sleep } from '../backendProcess';
import { factTotals, suiteDatabase } from '../database';
import { checkConservation, checkLeafEntityCost } from '../conservation';
import { Money, MoneyValue } from '../../src/money';
import { generateExport } from '../focusFiles';
import { Checks, Scenario, ScenarioContext, waitFor } from '../scenario';
import { upload } from './crashDuringUpload';

const SOURCE = 'drop';
const PERIOD = { from: '2026-09-01', to: '2026-11-01' };

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
      replicaOf(context, index, {
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
      });
    const a = replica(0);
    const b = replica(1);
    const db = suiteDatabase(context.databasePrefix);
    try {
      // One starts first so that its migrations are done when the other starts.
      await a.start();
      await b.start();
      await copyFile(scheduled, path.join(dropDir, 'september.csv'));
      const schedulesFrom = Date.now();

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
      const scheduledS = Math.round((Date.now() - schedulesFrom) / 1000);
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
      // A starts allocation by itself after the upload; B is asked to run it at once, so
      // the two replicas are asked to allocate at the same time.
      const run = await b.call('POST', '/allocation/run');
      checks.equal(
        [run.status, run.body?.status],
        [200, 'succeeded'],
        `allocation run through replica B (${JSON.stringify(run.body).slice(
          0,
          300,
        )})`,
      );
      await waitFor(
        async () => {
          const running = await db('finops_itam_allocation_runs').where(
            'status',
            'running',
          );
          return running.length === 0 ? true : undefined;
        },
        180_000,
        1_000,
      );
      const runs = await db('finops_itam_allocation_runs').orderBy('id');
      const failedRuns = runs.filter(r => r.status !== 'succeeded');
      checks.equal(
        failedRuns.map(r => `${r.id} ${r.status}: ${r.message}`),
        [],
        'allocation runs that did not succeed',
      );
      const overlapping = runs.filter((r, i) =>
        runs.some(
          (o, j) =>
            j < i &&
            o.finished_at !== null &&
            new Date(r.started_at).getTime() <
              new Date(o.finished_at).getTime(),
        ),
      );
      checks.equal(
        overlapping.map(r => r.id),
        [],
        'allocation runs that started before an earlier one finished (two at once)',
      );
      const sourceReport = await a.call(
        'GET',
        `/ingestions/${sourceRuns[0]?.id}`,
      );
      // What each delivery's report says it stored, per currency, summed exactly.
      const expected = new Map<string, MoneyValue>();
      for (const t of [
        ...(sourceReport.body?.totals ?? []),
        ...(report.totals ?? []),
      ]) {
        expected.set(
          t.currency,
          (expected.get(t.currency) ?? new Money(0)).plus(
            t.stored.effectiveCost,
          ),
        );
      }
      const stored = await factTotals(db);
      checks.equal(
        stored.map(t => [t.currency, new Money(t.effective).toFixed()]),
        [...expected]
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([currency, amount]) => [currency, amount.toFixed()]),
        'stored facts equal the two deliveries, each once',
      );

      // The same question to both replicas right after the change: the same bytes.
      const query = `/allocation/coverage?from=${PERIOD.from}&to=${PERIOD.to}`;
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
      const entityRoute = `/entities/component/default/checkout-api/cost?from=${PERIOD.from}&to=${PERIOD.to}`;
      const [costA, costB] = await Promise.all([
        a.call('GET', entityRoute),
        b.call('GET', entityRoute),
      ]);
      checks.that(
        costA.status === 200 &&
          JSON.stringify(costA.body) === JSON.stringify(costB.body),
        'A and B answer the same entity cost bytes',
      );
      checks.equal(
        await checkLeafEntityCost(
          db,
          costA.body,
          'component:default/checkout-api',
          PERIOD,
        ),
        [],
        'checkout-api cost against its facts',
      );
      const conservation = await checkConservation(db);
      checks.equal(conservation.broken, [], 'conservation');
      return checks.row({
        fault:
          'two backend processes on one PostgreSQL database, a cost source scheduled every 20 s on both',
        happened: `over ${scheduledS} s and several schedules the delivery was ingested once (${sourceRuns.length} ingestion record); an upload through A (which then allocates by itself) and an allocation run asked of B at the same moment: ${runs.length} allocation runs, ${failedRuns.length} not succeeded, ${overlapping.length} overlapping another; the stored facts equal the two deliveries' totals, checkout-api's cost equals its facts and shared parts, conservation held on ${conservation.cells} cells; both replicas answered the same coverage and entity cost bytes right after`,
        userSees:
          'one ingestion per delivery in GET /ingestions whichever replica ran it; the same answers from either replica',
        dataLost:
          checks.failures.length === 0
            ? 'none; nothing counted twice'
            : 'see failures',
      });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.destroy();
    }
  },
};
