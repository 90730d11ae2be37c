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

async function main() {
  for (const days of [30, 365]) {
    const answer = Buffer.from(JSON.stringify(body(days)));
    const app = express();
    app.get('/entities/:kind/:namespace/:name/cost', (_req, res) => {
      res.set('ETag', '"floor"').type('application/json').send(answer);
    });
    const server = await new Promise<Server>(resolve => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const paths = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `/entities/component/default/c${i}/cost`,
      );
    const job = {
      port,
      concurrency: CONCURRENCY,
      seriesLength: days,
      checkEvery: CHECK_EVERY,
    };
    await load({ ...job, paths: paths(WARMUP) });
    const loadAverage = os.loadavg()[0];
    const cpuBefore = process.cpuUsage();
    const r = await load({ ...job, paths: paths(REQUESTS) });
    const cpu = process.cpuUsage(cpuBefore);
    await new Promise(resolve => server.close(resolve));
    const perRequest = (cpuMs: number) =>
      (cpuMs / Math.max(1, r.requests)).toFixed(2);
    const line = [
      `${days}-day body (${answer.length} bytes),`,
      `load ${loadAverage.toFixed(1)}:`,
      `${r.requestsPerSecond.toFixed(0)} req/s,`,
      `server CPU ${perRequest((cpu.user + cpu.system) / 1000)} ms/req,`,
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

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
