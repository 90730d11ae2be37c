import { resolve } from 'node:path';
import { generateBenchExport } from './bench';
import { formatDay } from './dates';
import { generateDemoExports } from './demo';

const USAGE = `Usage:
  focus-generator demo --out <dir> [--through YYYY-MM-DD] [--months 13] [--seed acme-retail] [--json]
      13 monthly billing periods of FOCUS 1.2 CSV per provider (aws, azure, gcp, marketplace),
      daily charge periods through --through (default: yesterday, UTC).
  focus-generator bench --rows <n> --out <file.csv> [--parquet <file.parquet>]
                        [--first-month 2026-09] [--billing-periods 1] [--seed bench] [--json]
      Exactly <n> rows with hourly charge periods, optionally converted to Parquet.`;

class UsageError extends Error {}

type Flags = Record<string, string | true>;

function parseFlags(args: string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--'))
      throw new UsageError(`Unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) {
      flags[name] = inline;
    } else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) {
      flags[name] = args[++i];
    } else {
      flags[name] = true;
    }
  }
  return flags;
}

function text(flags: Flags, name: string, required: true): string;
function text(flags: Flags, name: string, required?: false): string | undefined;
function text(flags: Flags, name: string, required = false) {
  const value = flags[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  if (value === undefined && required)
    throw new UsageError(`--${name} is required`);
  return value;
}

function integer(flags: Flags, name: string): number | undefined {
  const value = text(flags, name);
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1) {
    throw new UsageError(
      `--${name} must be a positive integer, got "${value}"`,
    );
  }
  return parsed;
}

/** Yesterday in UTC: the last complete day. Only the CLI reads the clock. */
function yesterday(): string {
  return formatDay(Math.floor(new Date().getTime() / 86_400_000) - 1);
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

async function demo(flags: Flags, log: (line: string) => void) {
  const result = await generateDemoExports({
    outDir: resolve(text(flags, 'out', true)),
    through: text(flags, 'through') ?? yesterday(),
    months: integer(flags, 'months'),
    seed: text(flags, 'seed'),
  });
  if (flags.json) {
    log(JSON.stringify(result, null, 2));
    return;
  }
  const bytes = result.files.reduce((sum, f) => sum + f.bytes, 0);
  log(
    `Wrote ${result.files.length} files, ${result.rows} rows, ${megabytes(
      bytes,
    )} ` + `(seed ${result.seed}, through ${result.through}):`,
  );
  for (const file of result.files) {
    const totals = file.totals
      .map(
        t =>
          `${t.billedCost} billed / ${t.effectiveCost} effective ${t.currency}`,
      )
      .join('; ');
    log(`  ${file.path}  ${file.rows} rows  ${totals}`);
  }
  const budgets = result.budgets.budgets
    .map(b => `${b.id} ${b.amount} ${b.currency}`)
    .join('; ');
  log(`  ${result.budgets.path}  ${budgets}`);
}

async function bench(flags: Flags, log: (line: string) => void) {
  const rows = integer(flags, 'rows');
  if (rows === undefined) throw new UsageError('--rows is required');
  const parquet = text(flags, 'parquet');
  const result = await generateBenchExport({
    outFile: resolve(text(flags, 'out', true)),
    rows,
    parquetFile: parquet ? resolve(parquet) : undefined,
    seed: text(flags, 'seed'),
    firstMonth: text(flags, 'first-month'),
    billingPeriods: integer(flags, 'billing-periods'),
  });
  if (flags.json) {
    log(JSON.stringify(result, null, 2));
    return;
  }
  log(
    `Wrote ${result.rows} rows to ${result.path}: ${megabytes(result.bytes)} ` +
      `(${Math.round(result.bytes / result.rows)} bytes/row), ${
        result.costLines
      } cost lines, ` +
      `billing period ${result.billingPeriod}, ${(result.ms / 1000).toFixed(
        1,
      )} s in total`,
  );
  for (const t of result.totals) {
    log(
      `  ${t.billingAccountId} ${t.billingPeriodStart} ${t.currency}: ` +
        `BilledCost ${t.billedCost}, EffectiveCost ${t.effectiveCost}`,
    );
  }
  if (result.parquet) {
    log(
      `Parquet: ${result.parquet.path}, ${megabytes(result.parquet.bytes)}, ` +
        `${(result.parquet.ms / 1000).toFixed(1)} s`,
    );
  }
}

/**
 * Runs the command line; resolves with the exit code. Messages go through `log`/`error` so
 * tests can capture them.
 * @public
 */
export async function runCli(
  argv: string[],
  log: (line: string) => void = line => process.stdout.write(`${line}\n`),
  error: (line: string) => void = line => process.stderr.write(`${line}\n`),
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'demo') {
      await demo(parseFlags(rest), log);
    } else if (command === 'bench') {
      await bench(parseFlags(rest), log);
    } else if (
      command === undefined ||
      command === 'help' ||
      command === '--help'
    ) {
      log(USAGE);
      return command === undefined ? 2 : 0;
    } else {
      throw new UsageError(`Unknown command "${command}"`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

/** Entry point for `bin/focus-generator` and for running this file directly with node. */
export function main(): void {
  // `focus-generator ... | head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}

// Scripts such as the backend's ingestion benchmark run this file directly.
if (require.main === module) main();
