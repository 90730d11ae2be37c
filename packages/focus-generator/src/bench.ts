import { CommitmentLedger, onDemandCharge, purchaseCharge } from './charges';
import { CsvFileWriter } from './csvWriter';
import { formatDay, monthOf, Month, timestamp } from './dates';
import { demoCatalog } from './demoCatalog';
import { GeneratedFile } from './demo';
import { FOCUS_COLUMNS } from './focusColumns';
import { RowEncoder } from './focusRow';
import {
  BillingPeriod,
  Charge,
  Commitment,
  CostLine,
  RowSubject,
} from './model';
import { Decimal } from './money';
import { convertCsvToParquet } from './parquet';
import { createRng, Rng } from './prng';
import { commitmentSubject } from './subjects';
import { CostTotals } from './totals';
import { dailyUsage, DIURNAL_SHARE } from './usage';
import { idsFor } from './kinds/common';

/** @public */
export interface BenchExportOptions {
  /** CSV file to write. */
  outFile: string;
  /** Exact number of data rows (header excluded). */
  rows: number;
  /** Also convert the CSV to this Parquet file with DuckDB. */
  parquetFile?: string;
  /** Default `bench`. */
  seed?: string;
  /** First billing period, `YYYY-MM`. Default `2026-09`. */
  firstMonth?: string;
  /** Monthly billing periods the rows are spread over. Default 1. */
  billingPeriods?: number;
}

/** @public */
export interface BenchExportResult extends GeneratedFile {
  seed: string;
  /** Distinct resource × SKU lines: the rows a daily aggregation keeps per day. */
  costLines: number;
  parquet?: { path: string; bytes: number; ms: number };
  ms: number;
}

/**
 * A copy of a demo line for one replica: new resource ids and names, same tags and prices,
 * so a million-row file still looks like an estate of real resources.
 */
function replicate(line: CostLine, replica: number): CostLine {
  if (replica === 0) return line;
  const suffix = `-r${replica}`;
  const name = line.resourceName ? `${line.resourceName}${suffix}` : '';
  // EC2 ids carry no name, so a replica needs a fresh one; ARNs get the suffix.
  const resourceId = /^i-0[0-9a-f]{16}$/.test(line.resourceId)
    ? `i-0${idsFor(`${line.resourceName}${suffix}`).hex(16)}`
    : `${line.resourceId}${suffix}`;
  return {
    ...line,
    key: `${line.key}${suffix}`,
    resourceId,
    resourceName: name,
  };
}

interface Pool {
  hourly: CostLine[];
  daily: CostLine[];
  commitment: Commitment;
}

/** Enough replicas of the AWS demo estate that `rows` rows fit in a month of `days` days. */
function buildPool(rows: number, days: number): Pool {
  const catalog = demoCatalog();
  const templates = catalog.lines.filter(
    l => l.provider === 'aws' && l.sinceMonthsAgo === undefined,
  );
  const hourlyTemplates = templates.filter(
    l => l.usage.granularity !== 'daily',
  );
  const dailyTemplates = templates.filter(l => l.usage.granularity === 'daily');
  const hours = days * 24;
  // Lower bound of rows per replica: unused-commitment rows come on top when there are any.
  const perReplica =
    hours * hourlyTemplates.length + days * dailyTemplates.length;
  const replicas = Math.max(1, Math.ceil(rows / perReplica));
  const pool: Pool = {
    hourly: [],
    daily: [],
    commitment: catalog.commitments.find(c => c.provider === 'aws')!,
  };
  for (let r = 0; r < replicas; r++) {
    pool.hourly.push(...hourlyTemplates.map(l => replicate(l, r)));
    pool.daily.push(...dailyTemplates.map(l => replicate(l, r)));
  }
  // Size the savings plan to the pool: covers the always-on fleet with 4 % to spare, so every
  // hour has a small Unused row like a real, slightly oversized plan.
  const covered = pool.hourly.filter(l => l.commitment === pool.commitment.key);
  const perHour = covered.reduce(
    (sum, l) =>
      sum.plus(
        l.sku.listUnitPrice
          .times(l.usage.perDay / 24)
          .times(pool.commitment.rate),
      ),
    new Decimal(0),
  );
  pool.commitment = {
    ...pool.commitment,
    perDay: perHour.times('1.04').toDecimalPlaces(2).times(24),
  };
  return pool;
}

/** A quantity at the line's precision, never below one unit: every row has some usage. */
function toQuantity(line: CostLine, value: number): Decimal {
  const decimals = line.usage.decimals ?? 6;
  return new Decimal(Math.max(value, 10 ** -decimals).toFixed(decimals));
}

/** Hourly pricing quantity: the day's usage spread over the hours of the day. */
function hourlyQuantity(
  line: CostLine,
  dayValue: number,
  hour: number,
  rng: Rng,
): Decimal {
  let value: number;
  if (line.usage.pattern === 'fixed') {
    value = dayValue / 24;
  } else if (line.usage.pattern === 'traffic') {
    value = dayValue * DIURNAL_SHARE[hour] * rng.between(0.9, 1.1);
  } else {
    value = (dayValue / 24) * rng.between(0.85, 1.15);
  }
  return toQuantity(line, value);
}

function parseMonth(text: string): Month {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`Expected a month as YYYY-MM, got "${text}"`);
  return monthOf(+match[1], +match[2]);
}

interface BenchState {
  pool: Pool;
  rng: Rng;
  hourRng: Rng;
  writer: CsvFileWriter;
  encoder: RowEncoder;
  totals: CostTotals;
  /** Last day of the last billing period: spikes and growth count back from it. */
  windowEnd: number;
}

/**
 * Writes up to `quota` rows of one billing period in time order, hour by hour like CUR:
 * the commitment purchase, then per hour the daily-granularity lines (at midnight), every
 * hourly line, and what the savings plan left unused. Resolves with the rows written.
 */
async function writeMonth(
  state: BenchState,
  month: Month,
  monthsAgo: number,
  quota: number,
): Promise<number> {
  const { pool, rng, hourRng, writer, encoder, totals, windowEnd } = state;
  const sp = pool.commitment;
  const spSubject = commitmentSubject(sp);
  const perHourBudget = sp.perDay.dividedBy(24);
  const period: BillingPeriod = {
    startDay: formatDay(month.start),
    start: timestamp(month.start),
    end: timestamp(month.end),
  };
  let written = 0;
  const emit = async (subject: RowSubject, charge: Charge) => {
    if (written === quota) return;
    await writer.writeEncodedLine(encoder.encode(subject, charge, period, ''));
    const { account } = subject;
    totals.add(
      account.id,
      period.startDay,
      account.currency,
      charge.billedCost,
      charge.effectiveCost,
    );
    written++;
  };

  await emit(spSubject, purchaseCharge(sp, month.days, period));
  for (let day = month.start; day < month.end && written < quota; day++) {
    const dayValue = (line: CostLine) =>
      dailyUsage(
        line,
        day,
        windowEnd,
        monthsAgo,
        rng.fork(`${line.key}/${day}`),
      );
    const hourlyValues = pool.hourly.map(dayValue);
    const dayPeriod = { start: timestamp(day), end: timestamp(day + 1) };
    for (let hour = 0; hour < 24 && written < quota; hour++) {
      const hourPeriod = {
        start: timestamp(day, hour),
        end: hour === 23 ? timestamp(day + 1) : timestamp(day, hour + 1),
      };
      if (hour === 0) {
        for (const line of pool.daily) {
          const quantity = toQuantity(line, dayValue(line));
          await emit(line, onDemandCharge(line, quantity, dayPeriod));
        }
      }
      const ledger = new CommitmentLedger(sp, perHourBudget);
      for (let i = 0; i < pool.hourly.length && written < quota; i++) {
        const line = pool.hourly[i];
        const quantity = hourlyQuantity(line, hourlyValues[i], hour, hourRng);
        const charges =
          line.commitment === sp.key
            ? ledger.charge(
                line,
                quantity,
                hourPeriod,
                line.usage.decimals ?? 6,
              )
            : [onDemandCharge(line, quantity, hourPeriod)];
        for (const charge of charges) await emit(line, charge);
      }
      const unused = ledger.unused(hourPeriod);
      if (unused) await emit(spSubject, unused);
    }
  }
  return written;
}

/**
 * Writes exactly `rows` FOCUS 1.2 rows with hourly charge periods, like an AWS CUR 2.0 FOCUS
 * export: a daily aggregation per resource keeps about one row in twenty.
 * @public
 */
export async function generateBenchExport(
  options: BenchExportOptions,
): Promise<BenchExportResult> {
  const started = performance.now();
  if (!Number.isSafeInteger(options.rows) || options.rows < 1) {
    throw new Error(`rows must be a positive integer, got ${options.rows}`);
  }
  const periods = options.billingPeriods ?? 1;
  if (!Number.isSafeInteger(periods) || periods < 1) {
    throw new Error(
      `billingPeriods must be a positive integer, got ${periods}`,
    );
  }
  const seed = options.seed ?? 'bench';
  const first = parseMonth(options.firstMonth ?? '2026-09');
  const months = Array.from({ length: periods }, (_, i) =>
    monthOf(first.year, first.month + i),
  );
  // Rows are shared evenly between the billing periods, each filled from its first hour.
  const quotas = months.map(
    (_, i) =>
      Math.floor(options.rows / months.length) +
      (i < options.rows % months.length ? 1 : 0),
  );
  const pool = buildPool(
    Math.max(...quotas),
    Math.min(...months.map(m => m.days)),
  );
  const rng = createRng(seed);
  const writer = await CsvFileWriter.open(options.outFile, FOCUS_COLUMNS);
  const state: BenchState = {
    pool,
    rng,
    hourRng: rng.fork('hours'),
    writer,
    encoder: new RowEncoder(),
    totals: new CostTotals(),
    windowEnd: months[months.length - 1].end - 1,
  };
  for (const [index, month] of months.entries()) {
    const written = await writeMonth(
      state,
      month,
      months.length - 1 - index,
      quotas[index],
    );
    if (written < quotas[index]) {
      throw new Error(
        `Bench pool too small: ${written} of ${quotas[index]} rows in ${month.label}`,
      );
    }
  }

  const bytes = await writer.close();
  const result: BenchExportResult = {
    seed,
    path: options.outFile,
    provider: 'aws',
    billingPeriod:
      months.length === 1
        ? months[0].label
        : `${months[0].label}..${months[months.length - 1].label}`,
    rows: writer.rows,
    bytes,
    totals: state.totals.toArray(),
    costLines: pool.hourly.length + pool.daily.length,
    ms: 0,
  };
  if (options.parquetFile) {
    const parquetStarted = performance.now();
    const parquetBytes = await convertCsvToParquet(
      options.outFile,
      options.parquetFile,
    );
    result.parquet = {
      path: options.parquetFile,
      bytes: parquetBytes,
      ms: Math.round(performance.now() - parquetStarted),
    };
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
