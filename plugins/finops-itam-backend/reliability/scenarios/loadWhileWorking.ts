/**
 * 50 concurrent readers of the Cost tab's route (`GET /entities/component/default/checkout-api/cost`)
 * while the backend ingests a month and allocates it: no errors, and every answer is either
 * the answer before the month arrived or the answer after it was allocated, never a mix.
 * Latencies are reported (p50, p95, max).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BackendProcess } from '../backendProcess';
import { suiteDatabase } from '../database';
import { checkConservation, checkLeafEntityCost } from '../conservation';
import { generateExport } from '../focusFiles';
import {
  allocateOnceCatalogKnown,
  Checks,
  Scenario,
  ScenarioContext,
  waitFor,
} from '../scenario';
import { upload } from './crashDuringUpload';

const READERS = 50;
const ENTITY = 'component:default/checkout-api';
const PERIOD = { from: '2026-09-01', to: '2026-11-01' };
const ROUTE = `/entities/component/default/checkout-api/cost?from=${PERIOD.from}&to=${PERIOD.to}`;

/** The cost data of an answer: everything but the allocation status beside it. */
function costData(body: any): string {
  const { allocation: _status, ...data } = body ?? {};
  return JSON.stringify(data);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

interface Reading {
  /** When it was asked (ms since 1970). */
  at: number;
  status: number;
  ms: number;
  data?: string;
  error?: string;
}

export const loadWhileWorking: Scenario = {
  id: 'load-while-working',
  async run(context: ScenarioContext) {
    const checks = new Checks();
    const september = path.join(context.workDir, 'september.csv');
    const october = path.join(context.workDir, 'october.csv');
    await generateExport(september, 50_000, '2026-09', 'load-september');
    await generateExport(october, 200_000, '2026-10', 'load-october');
    const backend = new BackendProcess({
      port: context.port,
      databasePrefix: context.databasePrefix,
      workDir: context.workDir,
      name: 'load',
    });
    const db = suiteDatabase(context.databasePrefix);
    const read = async (): Promise<Reading> => {
      const at = Date.now();
      const started = performance.now();
      try {
        const response = await fetch(`${backend.url}${ROUTE}`, {
          headers: { authorization: `Bearer ${backend.token}` },
        });
        const text = await response.text();
        const ms = performance.now() - started;
        return response.status === 200
          ? { at, status: 200, ms, data: costData(JSON.parse(text)) }
          : { at, status: response.status, ms, error: text.slice(0, 200) };
      } catch (error) {
        return {
          at,
          status: 0,
          ms: performance.now() - started,
          error: String(error),
        };
      }
    };
    const latestRun = () =>
      db('finops_itam_allocation_runs').orderBy('id', 'desc').first();
    try {
      await backend.start();
      const first = await upload(backend, september, 'uploads');
      checks.equal(first.status, 201, 'September upload status');
      checks.that(
        await allocateOnceCatalogKnown(
          backend,
          'component:default/checkout-api',
          {
            from: '2026-09-01',
            to: '2026-10-01',
          },
        ),
        'September allocation gave checkout-api its direct cost',
      );
      const before = await read();
      checks.equal(before.status, 200, 'the answer before October');
      checks.equal(
        await checkLeafEntityCost(db, JSON.parse(before.data!), ENTITY, PERIOD),
        [],
        'the answer before October against the facts',
      );
      const runBefore = (await latestRun())?.id;

      // The readers: each asks again as soon as it has its answer.
      const readings: Reading[] = [];
      let reading = true;
      const readers = Array.from({ length: READERS }, async () => {
        while (reading) readings.push(await read());
      });

      const workStarted = Date.now();
      const octoberUpload = await upload(backend, october, 'uploads');
      const report = (await octoberUpload.json()) as any;
      checks.equal(report.status, 'succeeded', 'October upload under load');
      const ingestedS = Math.round((Date.now() - workStarted) / 1000);
      // Allocated means: no run going on and every fact stored so far marked allocated (a
      // scheduled run during the ingestion may have finished before the facts arrived).
      const run = await waitFor(
        async () => {
          const row = await latestRun();
          if (!row || row.id === runBefore || row.status === 'running') {
            return undefined;
          }
          const [{ waiting }] = await db('finops_itam_cost_facts')
            .whereNull('allocated_at')
            .count({ waiting: '*' });
          return Number(waiting) === 0 ? row : undefined;
        },
        10 * 60_000,
        500,
      );
      checks.equal(run?.status, 'succeeded', 'October allocation under load');
      const workS = Math.round((Date.now() - workStarted) / 1000);
      reading = false;
      await Promise.all(readers);

      const after = await read();
      checks.equal(after.status, 200, 'the answer after October');
      checks.equal(
        await checkLeafEntityCost(db, JSON.parse(after.data!), ENTITY, PERIOD),
        [],
        'the answer after October against the facts',
      );
      checks.that(
        after.data !== before.data,
        'October changed the answer (else the test shows nothing)',
      );
      if (checks.failures.length > 0) {
        // What allocation did meanwhile, to tell a harness fault from a product one.
        const runs = await db('finops_itam_allocation_runs').orderBy('id');
        for (const r of runs) {
          context.log(
            `run ${r.id} ${
              r.status
            } ${r.started_at?.toISOString?.()} → ${r.finished_at?.toISOString?.()}: ${
              r.message
            }`,
          );
        }
        const ingestions = await db('finops_itam_ingestions').orderBy(
          'started_at',
        );
        for (const i of ingestions) {
          context.log(
            `ingestion ${
              i.status
            } ${i.started_at?.toISOString?.()} → ${i.finished_at?.toISOString?.()}`,
          );
        }
        const [rollup] = await db('finops_itam_entity_daily_cost')
          .where({ entity_ref: ENTITY, basis: 'amortized' })
          .where('day', '>=', PERIOD.from)
          .where('day', '<', PERIOD.to)
          .select(
            db.raw('SUM(direct)::text AS direct'),
            db.raw('SUM(shared)::text AS shared'),
          );
        const otherKey = await backend.call(
          'GET',
          `/entities/component/default/checkout-api/cost?from=2026-08-31&to=${PERIOD.to}`,
        );
        const again = await backend.call('GET', ROUTE);
        const versions = await db('finops_itam_data_versions').select();
        context.log(
          `asked again: direct ${
            again.body?.direct
          }; data versions ${JSON.stringify(versions)}`,
        );
        context.log(
          `rollup of ${ENTITY}: direct ${rollup.direct}, shared ${rollup.shared}; the question from 2026-08-31 (not cached) answers direct ${otherKey.body?.direct}, shared ${otherKey.body?.shared}`,
        );
        const logFile = path.resolve(
          __dirname,
          '../../../../.data/reliability/load-while-working.backend.log',
        );
        await writeFile(logFile, backend.log);
        context.log(`backend log: ${logFile}`);
        context.log(
          `changed months waiting: ${JSON.stringify(
            await db('finops_itam_changed_months').select(),
          )}`,
        );
      }
      const errors = readings.filter(r => r.status !== 200);
      checks.equal(
        errors.slice(0, 3).map(r => `${r.status} ${r.error}`),
        [],
        `failed answers (${errors.length} of ${readings.length})`,
      );
      const old = readings.filter(r => r.data === before.data).length;
      const fresh = readings.filter(r => r.data === after.data).length;
      const mixed = readings.filter(
        r =>
          r.status === 200 && r.data !== before.data && r.data !== after.data,
      );
      checks.equal(
        mixed.length,
        0,
        `answers equal to neither the old nor the new data (e.g. total ${
          mixed[0] ? JSON.parse(mixed[0].data!).total : '-'
        }; old ${JSON.parse(before.data ?? '{}').total}, new ${
          JSON.parse(after.data ?? '{}').total
        })`,
      );
      const conservation = await checkConservation(db);
      checks.equal(conservation.broken, [], 'conservation after the load');
      // How long after the run recorded its end an answer asked for could still be the old one.
      const runEnd = run?.finished_at
        ? new Date(run.finished_at).getTime()
        : NaN;
      const lastOld = Math.max(
        ...readings.filter(r => r.data === before.data).map(r => r.at),
      );
      const staleMs = Math.max(0, Math.round(lastOld - runEnd));
      const ms = readings.map(r => r.ms).sort((x, y) => x - y);
      const p50 = Math.round(percentile(ms, 0.5));
      const p95 = Math.round(percentile(ms, 0.95));
      const max = Math.round(ms[ms.length - 1] ?? NaN);
      context.log(
        `${readings.length} answers, ${old} old, ${fresh} new, ${mixed.length} neither, ${errors.length} failed; last old answer asked ${staleMs} ms after the run's end; p50 ${p50} ms, p95 ${p95} ms, max ${max} ms`,
      );
      return checks.row({
        fault: `${READERS} concurrent readers of the Cost tab's route (GET entity cost of checkout-api, Sep–Oct) while a 200,000-row October upload is ingested and allocated`,
        happened: `${readings.length} answers over ${workS} s (ingestion ${ingestedS} s, then allocation): ${errors.length} failed, ${old} equal to the answer before October, ${fresh} equal to the answer after it, ${mixed.length} neither (the last old one asked ${staleMs} ms after the allocation run recorded its end); latency p50 ${p50} ms, p95 ${p95} ms, max ${max} ms (2 cores, readers and backend on one machine); conservation held on ${conservation.cells} cells`,
        userSees:
          'the Cost tab keeps showing the previous figures until the new month is allocated, then the new ones; never an error or a half-updated total',
      });
    } finally {
      await backend.stop();
      await db.destroy();
    }
  },
};
