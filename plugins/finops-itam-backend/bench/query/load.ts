/*
 * The load client: autocannon (programmatic API, one thread, no workers) with `connections`
 * keep-alive connections, each sending its next request as soon as the previous answer is
 * complete (closed loop), until `paths.length` requests have been sent.
 *
 * autocannon's own summary comes from a histogram of whole milliseconds and has no p95, so
 * the latency of every answer (send to end of body, any status) is kept from the instance's
 * `response` event and p50/p95/p99 are computed here.
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  /** Answers received, whatever their status. */
  requests: number;
  /** Connection errors and timeouts (autocannon's count): requests that got no answer. */
  errors: number;
  /** Requests unanswered after autocannon's 10 s timeout; included in `errors`. */
  timeouts: number;
  /** Answers with a status other than 2xx. */
  non2xx: number;
  /** Checked 2xx answers whose body failed the check. */
  badBodies: number;
  firstError?: string;
  wallMs: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU time (user + system) of the load client's process during the run, in ms. */
  clientCpuMs: number;
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, index))];
}

export async function runLoad(options: {
  port: number;
  connections: number;
  /** Request paths, sent in this order (one request each). */
  paths: string[];
  /** Checks a 2xx body; returns a problem, or undefined when the body is right. */
  check?: (body: string) => string | undefined;
  /**
   * Check one 2xx body in this many (the first always). Default 1. autocannon collects
   * every body as a string anyway, so only the check itself (JSON.parse) costs extra.
   */
  checkEvery?: number;
}): Promise<LoadResult> {
  const { paths, check } = options;
  const checkEvery = Math.max(1, options.checkEvery ?? 1);
  const latencies: number[] = [];
  let next = 0;
  let answered2xx = 0;
  let badBodies = 0;
  let firstError: string | undefined;
  let lastEventAt: number | undefined;

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${options.port}`,
        // autocannon refuses more connections than requests.
        connections: Math.min(options.connections, paths.length),
        amount: paths.length,
        requests: [
          {
            // Called once per request sent, in sending order: the connections share `next`,
            // so the requests go out in the order the parent drew them, as before.
            setupRequest: request => {
              request.path = paths[next++ % paths.length];
              return request;
            },
            onResponse: (status, body) => {
              if (status < 200 || status > 299) {
                firstError ??= `HTTP ${status}: ${body.slice(0, 200)}`;
                return;
              }
              if (!check || answered2xx++ % checkEvery !== 0) return;
              let problem: string | undefined;
              try {
                problem = check(body);
              } catch (error) {
                problem = `${error}: ${body.slice(0, 200)}`;
              }
              if (problem) {
                badBodies += 1;
                firstError ??= problem;
              }
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastEventAt = performance.now();
    });
    instance.on('reqError', error => {
      firstError ??= String(error);
      lastEventAt = performance.now();
    });
  });
  // autocannon notices the end at its next sample tick (up to 1 s later): the wall time
  // ends at the last answer or error instead.
  const wallMs = (lastEventAt ?? performance.now()) - started;
  const cpu = process.cpuUsage(cpuBefore);

  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    badBodies,
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
