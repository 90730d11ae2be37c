/*
 * The load client in its own process, as autocannon would be: the server under test keeps
 * its event loop and (on two cores) most of a core to itself, and the client's HTTP and
 * JSON parsing are not counted as server time. Started by run.ts with `fork`; receives one
 * job, answers with its LoadResult and exits.
 */
import { LoadResult, runLoad } from './load';

export interface LoadJob {
  port: number;
  concurrency: number;
  /** Request paths, used in order (the parent draws them, so runs are reproducible). */
  paths: string[];
  /** Expected number of series points in each answer. */
  seriesLength: number;
  /** Parse and check one answer in this many (see `runLoad`). */
  checkEvery?: number;
}

process.once('message', async (job: LoadJob) => {
  let next = 0;
  const result: LoadResult = await runLoad({
    port: job.port,
    concurrency: job.concurrency,
    requests: job.paths.length,
    path: () => job.paths[next++ % job.paths.length],
    checkEvery: job.checkEvery,
    check: body => {
      const json = JSON.parse(body);
      return json.series?.length === job.seriesLength && json.direct !== '0'
        ? undefined
        : `unexpected body ${body.slice(0, 200)}`;
    },
  });
  process.send!(result, () => process.exit(0));
});
