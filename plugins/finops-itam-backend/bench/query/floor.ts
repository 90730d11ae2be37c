/*
 * The floor of the query benchmark: the same load client (autocannon, in its own process)
 * against an Express route that answers constant bytes shaped like the entity cost answer,
 * with an ETag, as a cached answer is sent (no database, no cost code, no JSON encoding), so
 * that what the harness and the machine cost by themselves is visible.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/query/floor.ts
 *     [--requests 3000] [--warmup 300] [--concurrency 50] [--check-every 1]
 */
import express from 'express';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import { loadFromOtherProcess as load } from './forkLoad';
import type { LoadResult } from './load';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REQUESTS = Number(arg('--requests', '3000'));
const CONCURRENCY = Number(arg('--concurrency', '50'));
const WARMUP = Number(arg('--warmup', '300'));
const CHECK_EVERY = Number(arg('--check-every', '1'));

function body(days: number) {
  const amount = (n: number) => `${n}.1234567890`;
  return {
    entityRef: 'component:default/component-1',
    currency: 'USD',
    from: '2025-10-01',
    to: '2026-11-05',
    total: amount(12345),
    direct: amount(12000),
    shared: amount(345),
    licenses: '0',
    series: Array.from({ length: days }, (_, i) => ({
      date: `2026-01-${String(i).padStart(3, '0')}`,
      total: amount(i),
      direct: amount(i),
      shared: amount(0),
      licenses: '0',
    })),
    byService: Array.from({ length: 5 }, (_, i) => ({
      service: `Service ${i}`,
      total: amount(i),
    })),
    byChargeCategory: [{ chargeCategory: 'Usage', total: amount(1) }],
  };
}

/** One floor window: what the harness and machine cost to send `answer` with an ETag. */
export interface FloorWindow {
  days: number;
  bytes: number;
  loadAverage: number;
  serverCpuMs: number;
  result: LoadResult;
}

/**
 * Serves `answer` (default: a constant body shaped like a `days`-day answer) on a bare
 * Express route and loads it as the query benchmark loads the cost route. The query
 * benchmark passes one real answer's bytes, so floor and cache hits send the same size.
 */
export async function measureFloor(options: {
  days: number;
  requests: number;
  warmup: number;
  concurrency: number;
  checkEvery: number;
  answer?: Buffer;
}): Promise<FloorWindow> {
  const { days } = options;
  const answer =
    options.answer ?? Buffer.from(JSON.stringify(body(options.days)));
  const app = express();
  app.get('/entities/:kind/:namespace/:name/cost', (_req, res) => {
    res.set('ETag', '"floor"').type('application/json').send(answer);
  });
  const server = await new Promise<Server>(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 60_000;
  try {
    const port = (server.address() as AddressInfo).port;
    const paths = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `/entities/component/default/c${i}/cost`,
      );
    const job = {
      port,
      concurrency: options.concurrency,
      seriesLength: days,
      checkEvery: options.checkEvery,
    };
    await load({ ...job, paths: paths(options.warmup) });
    const loadAverage = os.loadavg()[0];
    const cpuBefore = process.cpuUsage();
    const result = await load({ ...job, paths: paths(options.requests) });
    const cpu = process.cpuUsage(cpuBefore);
    return {
      days,
      bytes: answer.length,
      loadAverage,
      serverCpuMs:
        (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests),
      result,
    };
  } finally {
    await new Promise(resolve => server.close(resolve));
  }
}

async function main() {
  for (const days of [30, 365]) {
    const {
      bytes,
      loadAverage,
      serverCpuMs,
      result: r,
    } = await measureFloor({
      days,
      requests: REQUESTS,
      warmup: WARMUP,
      concurrency: CONCURRENCY,
      checkEvery: CHECK_EVERY,
    });
    const perRequest = (cpuMs: number) =>
      (cpuMs / Math.max(1, r.requests)).toFixed(2);
    const line = [
      `${days}-day body (${bytes} bytes),`,
      `load ${loadAverage.toFixed(1)}:`,
      `${r.requestsPerSecond.toFixed(0)} req/s,`,
      `server CPU ${serverCpuMs.toFixed(2)} ms/req,`,
      `client CPU ${perRequest(r.clientCpuMs)} ms/req,`,
      `p50 ${r.p50.toFixed(1)}, p95 ${r.p95.toFixed(1)},`,
      `p99 ${r.p99.toFixed(1)}, max ${r.max.toFixed(1)} ms;`,
      `${r.requests} answers, ${r.errors} errors (${r.timeouts} timeouts),`,
      `${r.non2xx} non-2xx, ${r.badBodies} bad bodies`,
      r.firstError ? `; first error: ${r.firstError}` : '',
    ];
    process.stdout.write(`${line.join(' ').trim()}\n`);
  }
}

// Run directly as a script; the query benchmark imports measureFloor.
if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
