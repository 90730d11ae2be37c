/*
 * A small closed-loop load client on node:http: `concurrency` workers, each with its own
 * keep-alive connection (one Agent, maxSockets = concurrency), send requests back to back
 * until `requests` have been sent. Latency is measured per request, from send to the end
 * of the response body.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  requests: number;
  errors: number;
  firstError?: string;
  wallMs: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU time (user + system) of the load client's process during the run, in ms. */
  clientCpuMs?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

function get(
  agent: http.Agent,
  port: number,
  path: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, res => {
      const chunks: Buffer[] = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export async function runLoad(options: {
  port: number;
  concurrency: number;
  requests: number;
  path: () => string;
  /** Checks a 200 body; a failed check counts as an error. */
  check?: (body: string) => string | undefined;
  /**
   * Check one 200 body in this many (the first always); the others only need status 200.
   * Default 1. Parsing answers costs the client CPU on the cores the server runs on, which
   * autocannon does not spend; measured, it is small (0.03–0.07 ms of the client's 0.3–0.7 ms
   * per request, 2026-11-27), most of the client's time is its HTTP stack.
   */
  checkEvery?: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
  });
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let firstError: string | undefined;
  let answered = 0;
  const checkEvery = Math.max(1, options.checkEvery ?? 1);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (sent < options.requests) {
      sent += 1;
      const t0 = performance.now();
      try {
        const { status, body } = await get(agent, options.port, options.path());
        latencies.push(performance.now() - t0);
        const checked = answered++ % checkEvery === 0;
        let problem: string | undefined;
        if (status !== 200) {
          problem = `HTTP ${status}: ${body.slice(0, 200)}`;
        } else if (checked) {
          problem = options.check?.(body);
        }
        if (problem) {
          errors += 1;
          firstError ??= problem;
        }
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    firstError,
    wallMs,
    requestsPerSecond: (latencies.length / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
  };
}
