/*
 * `yarn bench:ingest [--rows N] [--dir D] [--formats csv,parquet] [--modes m1,m2]
 *                    [--repeat K] [--pg-database NAME] [--rss]`
 *
 * Generates a FOCUS 1.2 export of N rows (1,000,000 by default, ~800 MB CSV) and its Parquet
 * twin with the demo generator, then measures in separate processes DuckDB alone aggregating
 * the file, and the whole ingestion into SQLite and into PostgreSQL (127.0.0.1:5432, or
 * BENCH_POSTGRES_URL). Prints a Markdown table for docs/benchmarks.md.
 *
 * - `--dir`: where the generated files and the SQLite databases go (default .data/bench, and
 *   reruns skip the generation); use a folder outside the repository for 10M rows (~8 GB).
 * - `--formats`, `--modes`: a subset (modes: duckdb-only, duckdb-exact, sqlite, postgres).
 * - `--repeat K`: K rounds, each running every scenario once in turn (interleaved, so a noisy
 *   minute hits all of them alike); the table then shows medians with min–max.
 * - `--pg-database`: the PostgreSQL database each run recreates and drops afterwards.
 * - `--rss`: each run also prints its RSS course (about one sample per second) to stderr.
 * Every run records the 1-minute load average at its start.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const rows = Number(option('rows') ?? 1_000_000);
const benchDir = path.resolve(
  option('dir') ?? path.join(repoRoot, '.data/bench'),
);
const formats = (option('formats') ?? 'csv,parquet').split(',');
const modes = (
  option('modes') ?? 'duckdb-only,duckdb-exact,sqlite,postgres'
).split(',');
const repeat = Number(option('repeat') ?? 1);
const pgDatabase = option('pg-database');
const traceRss = process.argv.includes('--rss');
const csv = path.join(benchDir, `focus-${rows}.csv`);
const parquet = path.join(benchDir, `focus-${rows}.parquet`);
const nodeArgs = ['--require', '@backstage/cli/config/nodeTransform.cjs'];

function generate() {
  const wanted = [
    ...(formats.includes('csv') ? [csv] : []),
    ...(formats.includes('parquet') ? [parquet] : []),
  ];
  if (wanted.every(existsSync)) return;
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

interface Result {
  mode: string;
  file: string;
  wallMs: number;
  maxRssMb: number;
  rows: number;
  facts: number;
  status: string;
  reconciled?: boolean;
  readMs?: number;
  storeMs?: number;
  phases?: Record<string, number>;
  load1: number;
  at: string;
}

function measure(mode: string, file: string): Result {
  const at = new Date().toISOString();
  const load1 = Number(os.loadavg()[0].toFixed(2));
  const child = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      path.join(__dirname, 'runOnce.ts'),
      mode,
      file,
      '--dir',
      benchDir,
      ...(pgDatabase ? ['--pg-database', pgDatabase] : []),
      ...(traceRss ? ['--rss'] : []),
    ],
    {
      cwd: path.join(repoRoot, 'plugins/finops-itam-backend'),
      encoding: 'utf8',
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  if (child.status !== 0) {
    throw new Error(`${mode} on ${file} failed:\n${child.stderr}`);
  }
  if (traceRss) process.stderr.write(child.stderr);
  const result = {
    ...JSON.parse(child.stdout.trim().split('\n').pop()!),
    load1,
    at,
  };
  console.error(JSON.stringify(result));
  return result;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const formatOf = (file: string) =>
  file.endsWith('.parquet') ? 'Parquet' : 'CSV';
const seconds = (ms: number) => (ms / 1000).toFixed(1);

generate();
const sizeMb = (file: string) =>
  existsSync(file) ? `${Math.round(statSync(file).size / 2 ** 20)} MB` : '-';
const files = formats.map(f => (f === 'parquet' ? parquet : csv));
const scenarios = files.flatMap(file => modes.map(mode => ({ mode, file })));
const results: Result[] = [];
for (let round = 0; round < repeat; round++) {
  for (const { mode, file } of scenarios) results.push(measure(mode, file));
}

console.log(
  `\nMachine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(
    os.totalmem() / 2 ** 30,
  )} GiB; Node ${process.version}; ${
    results[0].at
  } – ${new Date().toISOString()}`,
);
console.log(
  `Input: ${rows.toLocaleString('en')} FOCUS 1.2 rows; CSV ${sizeMb(
    csv,
  )}, Parquet ${sizeMb(parquet)}; ${repeat} round(s), load average (1 min) ` +
    `${Math.min(...results.map(r => r.load1))}–${Math.max(
      ...results.map(r => r.load1),
    )}\n`,
);

// The fair baseline reads amounts exactly, as the ingestion must; ratios are of medians.
const runsOf = (mode: string, file: string) =>
  results.filter(r => r.mode === mode && r.file === file);
console.log(
  '| scenario | input | wall time, median (min–max) | rows/s | × DuckDB exact | peak RSS (max) | facts | status |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const { mode, file } of scenarios) {
  const runs = runsOf(mode, file);
  const walls = runs.map(r => r.wallMs);
  const wall = median(walls);
  const baseline = runsOf('duckdb-exact', file);
  const ratio = baseline.length
    ? (wall / median(baseline.map(r => r.wallMs))).toFixed(2)
    : '-';
  const statuses = [
    ...new Set(
      runs.map(
        r => `${r.status}${r.reconciled === false ? ' (NOT reconciled)' : ''}`,
      ),
    ),
  ].join(', ');
  const spread =
    runs.length > 1
      ? ` (${seconds(Math.min(...walls))}–${seconds(Math.max(...walls))})`
      : '';
  console.log(
    `| ${mode} | ${formatOf(file)} | ${seconds(wall)} s${spread} | ` +
      `${Math.round(runs[0].rows / (wall / 1000)).toLocaleString(
        'en',
      )} | ${ratio} | ` +
      `${Math.max(
        ...runs.map(r => r.maxRssMb),
      )} MB | ${runs[0].facts.toLocaleString('en')} | ${statuses} |`,
  );
}

if (repeat > 1) {
  console.log(
    '\nEvery run, in order (start, 1-min load, scenario, wall, peak RSS):\n',
  );
  for (const r of results) {
    console.log(
      `- ${r.at.slice(11, 19)} load ${r.load1}: ${r.mode} ${formatOf(
        r.file,
      )} ${seconds(r.wallMs)} s, ${r.maxRssMb} MB`,
    );
  }
}

// Where the time goes: the statements that took more than 1 % of a run, and the rest
// (Node work between statements, and any stream the statement timer does not see).
console.log('\nWhere the time goes (ms; statements over 1 % of the run):\n');
for (const r of results.filter(x => x.phases)) {
  const timed = Object.values(r.phases!).reduce((a, b) => a + b, 0);
  const shown = Object.entries(r.phases!)
    .filter(([, ms]) => ms > r.wallMs / 100)
    .sort(([, a], [, b]) => b - a)
    .map(([name, ms]) => `${name}: ${ms}`);
  console.log(
    `- ${r.mode} ${formatOf(r.file)} (read ${r.readMs}, store ${
      r.storeMs
    }, wall ${r.wallMs}): ${shown.join('; ')}; ` +
      `outside timed statements: ${r.wallMs - timed}`,
  );
}
