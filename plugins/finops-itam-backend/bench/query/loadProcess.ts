/*
 * The load client in its own process, as the autocannon CLI would be: the server under
 * test keeps its event loop and (on two cores) most of a core to itself, and the client's
 * HTTP parsing and body checks are not counted as server time. Started by forkLoad.ts;
 * receives one job, answers with its LoadResult and exits.
 */
import { runLoad } from './load';

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
  const result = await runLoad({
    port: job.port,
    connections: job.concurrency,
    paths: job.paths,
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
