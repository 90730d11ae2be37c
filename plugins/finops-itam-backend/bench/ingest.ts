/*
 * `yarn bench:ingest [--rows N]`: generates a FOCUS 1.2 export of N rows (1,000,000 by
 * default, ~700 MB) and its Parquet twin with the demo generator, then measures in separate
 * processes DuckDB alone aggregating the file, and the whole ingestion into SQLite and into
 * PostgreSQL (127.0.0.1:5432, or BENCH_POSTGRES_URL). Prints a Markdown table for
 * docs/benchmarks.md. Files are kept under .data/bench so reruns skip the generation.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const benchDir = path.join(repoRoot, '.data/bench');
const csv = path.join(benchDir, `focus-${rows}.csv`);
const parquet = path.join(benchDir, `focus-${rows}.parquet`);
const nodeArgs = ['--require', '@backstage/cli/config/nodeTransform.cjs'];

function generate() {
  if (existsSync(csv) && existsSync(parquet)) return;
  mkdirSync(benchDir, { recursive: true });
  console.error(`generating ${rows} rows into ${csv} and ${parquet} ...`);
  execFileSync(
    process.execPath,
    [
      ...nodeArgs,
      path.join(repoRoot, 'packages/focus-generator/src/cli.ts'),
      'bench',
      '--rows',
      String(rows),
      '--out',
      csv,
      '--parquet',
      parquet,
    ],
    { stdio: 'inherit', cwd: repoRoot },
  );
}

function measure(mode: string, file: string) {
  const child = spawnSync(
    process.execPath,
    [...nodeArgs, path.join(__dirname, 'runOnce.ts'), mode, file],
    {
      cwd: path.join(repoRoot, 'plugins/finops-itam-backend'),
      encoding: 'utf8',
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  if (child.status !== 0) {
    throw new Error(`${mode} on ${file} failed:\n${child.stderr}`);
  }
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!);
  console.error(JSON.stringify(result));
  return result;
}

generate();
const sizeMb = (file: string) => Math.round(statSync(file).size / 1024 / 1024);
const scenarios = [
  ['duckdb-only', csv],
  ['duckdb-exact', csv],
  ['sqlite', csv],
  ['postgres', csv],
  ['duckdb-only', parquet],
  ['duckdb-exact', parquet],
  ['sqlite', parquet],
  ['postgres', parquet],
] as const;
const results = scenarios.map(([mode, file]) => measure(mode, file));

// The fair baseline reads amounts exactly, as the ingestion must.
const baseline = (file: string) =>
  results.find(r => r.mode === 'duckdb-exact' && r.file === file)!.wallMs;
console.log(
  `\nMachine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(
    os.totalmem() / 2 ** 30,
  )} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `Input: ${rows.toLocaleString('en')} FOCUS 1.2 rows; CSV ${sizeMb(
    csv,
  )} MB, Parquet ${sizeMb(parquet)} MB\n`,
);
console.log(
  '| scenario | input | wall time | rows/s | × DuckDB exact | peak RSS | facts | status |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const seconds = r.wallMs / 1000;
  console.log(
    `| ${r.mode} | ${
      r.file.endsWith('.parquet') ? 'Parquet' : 'CSV'
    } | ${seconds.toFixed(1)} s | ` +
      `${Math.round(r.rows / seconds).toLocaleString('en')} | ${(
        r.wallMs / baseline(r.file)
      ).toFixed(2)} | ` +
      `${r.maxRssMb} MB | ${r.facts.toLocaleString('en')} | ${r.status}${
        r.reconciled === false ? ' (NOT reconciled)' : ''
      } |`,
  );
}

// Where the time goes: the statements that took more than 1 % of a run, and the rest
// (Node work between statements, and any stream the statement timer does not see).
console.log('\nWhere the time goes (ms; statements over 1 % of the run):\n');
for (const r of results.filter(x => x.phases)) {
  const timed = Object.values(r.phases as Record<string, number>).reduce(
    (a, b) => a + b,
    0,
  );
  const shown = Object.entries(r.phases as Record<string, number>)
    .filter(([, ms]) => ms > r.wallMs / 100)
    .sort(([, a], [, b]) => b - a)
    .map(([name, ms]) => `${name}: ${ms}`);
  console.log(
    `- ${r.mode} ${r.file.endsWith('.parquet') ? 'Parquet' : 'CSV'} (read ${
      r.readMs
    }, store ${r.storeMs}, wall ${r.wallMs}): ${shown.join('; ')}; ` +
      `outside timed statements: ${r.wallMs - timed}`,
  );
}
