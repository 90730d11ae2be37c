/*
 * What the warehouse source does with one large export: the summary query (fingerprints) and,
 * per billing month, the daily query written to Parquet, with their times, the rows in and
 * out, and the process's peak RSS (DuckDB's native memory included).
 * Usage, from the repository root:
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/finops-itam-backend-module-duckdb-warehouse/bench/dailyFacts.ts <file.parquet|.csv> [--out <dir>]
 *   --out: keep each month's daily file there (to ingest it with the backend's bench/runOnce.ts)
 * Prints one JSON line.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DuckDbWarehouseCostSource } from '../src/DuckDbWarehouseCostSource';
import { quoteLiteral } from '../src/sql';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
};

async function countRows(file: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const [row] = (
      await connection.runAndReadAll(
        `SELECT COUNT(*) AS daily, SUM("x_SourceRows") AS charges FROM read_parquet(${quoteLiteral(
          file,
        )})`,
      )
    ).getRowObjectsJson();
    return { daily: Number(row.daily), charges: Number(row.charges) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function main() {
  const file = process.argv[2];
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1] : undefined;
  if (!file)
    throw new Error('usage: dailyFacts.ts <file.parquet|.csv> [--out <dir>]');
  const source = new DuckDbWarehouseCostSource({
    id: 'bench',
    location: {
      kind: 'files',
      format: /\.parquet$/i.test(file) ? 'parquet' : 'csv',
      paths: [path.resolve(file)],
    },
  });
  const started = performance.now();
  const contents = await source.read({ lastFingerprints: {}, logger: silent });
  const summaryMs = Math.round(performance.now() - started);
  const months = [];
  try {
    for (const delivery of contents.deliveries) {
      const at = performance.now();
      const [daily] = await delivery.read();
      const dailyMs = Math.round(performance.now() - at);
      const dailyPath = (daily as { path: string }).path;
      const counts = await countRows(dailyPath);
      if (out) {
        await copyFile(
          dailyPath,
          path.join(out, `daily-${delivery.id}.parquet`),
        );
      }
      months.push({
        month: delivery.id,
        dailyMs,
        ...counts,
        bytes: (await stat(dailyPath)).size,
      });
    }
  } finally {
    await contents.release?.();
  }
  process.stdout.write(
    `${JSON.stringify({
      file,
      bytes: (await stat(file)).size,
      summaryMs,
      months,
      wallMs: Math.round(performance.now() - started),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
