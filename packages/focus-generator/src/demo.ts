import { join } from 'node:path';
import {
  CommitmentLedger,
  creditCharge,
  feeCharge,
  onDemandCharge,
  purchaseCharge,
  taxCharge,
} from './charges';
import { CsvFileWriter } from './csvWriter';
import { formatDay, Month, monthsEndingAt, parseDay, timestamp } from './dates';
import { demoCatalog, DemoCatalog } from './demoCatalog';
import { FOCUS_COLUMNS } from './focusColumns';
import { RowEncoder } from './focusRow';
import {
  BillingAccount,
  BillingPeriod,
  Charge,
  ProviderKey,
  RowSubject,
} from './model';
import { Decimal, ZERO } from './money';
import { createRng, hashString, Rng } from './prng';
import { commitmentSubject, taxSubject } from './subjects';
import { CostTotal, CostTotals } from './totals';
import { dailyUsage } from './usage';
import { GeneratedMetricFile, writeDemoMetrics } from './demoMetrics';
import { DemoBudgetLedger, GeneratedBudgetFile } from './demoBudgets';

/** @public */
export interface DemoExportOptions {
  /** Directory that receives `<provider>/<YYYY-MM>.csv`. */
  outDir: string;
  /** Last day with charges (YYYY-MM-DD); its month is the last, still open, billing period. */
  through: string;
  /** Same seed, same bytes. Default `acme-retail`. */
  seed?: string;
  /** Monthly billing periods, the last holding `through`. Default 13. */
  months?: number;
}

/** One written file and what it adds up to. @public */
export interface GeneratedFile {
  path: string;
  provider: string;
  /** `YYYY-MM`, or `YYYY-MM..YYYY-MM` when a bench file spans several periods. */
  billingPeriod: string;
  rows: number;
  bytes: number;
  totals: CostTotal[];
}

/** @public */
export interface DemoExportResult {
  seed: string;
  through: string;
  files: GeneratedFile[];
  rows: number;
  /** Daily business metrics over the same days, under `metrics/` (unit cost). */
  metrics: GeneratedMetricFile[];
  /** Budgets for the quarter after `through`, under `budgets/`, set from this data. */
  budgets: GeneratedBudgetFile;
}

/** One file per provider, in this order, for every billing period. */
export const DEMO_PROVIDERS: readonly ProviderKey[] = [
  'aws',
  'azure',
  'gcp',
  'marketplace',
];

/** Invoice numbers look like the provider's and stay the same for the same account and month. */
function invoiceId(
  account: BillingAccount,
  provider: ProviderKey,
  month: Month,
): string {
  const digits = String(
    hashString(`${account.id}/${provider}/${month.label}`),
  ).padStart(10, '0');
  return `${account.invoicePrefix}${digits}`.slice(0, 11);
}

interface MonthContext {
  catalog: DemoCatalog;
  rng: Rng;
  outDir: string;
  month: Month;
  monthsAgo: number;
  windowEnd: number;
  budgets: DemoBudgetLedger;
}

async function writeProviderMonth(
  ctx: MonthContext,
  provider: ProviderKey,
): Promise<GeneratedFile> {
  const { catalog, month, windowEnd } = ctx;
  const path = join(ctx.outDir, provider, `${month.label}.csv`);
  const writer = await CsvFileWriter.open(path, FOCUS_COLUMNS);
  const totals = new CostTotals();
  const encoder = new RowEncoder();
  const billedByAccount = new Map<string, Decimal>();
  const period: BillingPeriod = {
    startDay: formatDay(month.start),
    start: timestamp(month.start),
    end: timestamp(month.end),
  };
  // The open period has no invoice yet: real exports leave InvoiceId empty until it is issued.
  const open = ctx.monthsAgo === 0;

  const emit = async (subject: RowSubject, charge: Charge) => {
    const invoice = open ? '' : invoiceId(subject.account, provider, month);
    await writer.writeEncodedLine(
      encoder.encode(subject, charge, period, invoice),
    );
    const account = subject.account;
    totals.add(
      account.id,
      period.startDay,
      account.currency,
      charge.billedCost,
      charge.effectiveCost,
    );
    billedByAccount.set(
      account.id,
      (billedByAccount.get(account.id) ?? ZERO).plus(charge.billedCost),
    );
  };

  const lines = catalog.lines.filter(l => l.provider === provider);
  const commitments = catalog.commitments.filter(c => c.provider === provider);

  // Commitment fees are billed on the first of the month for the whole month.
  for (const commitment of commitments) {
    await emit(
      commitmentSubject(commitment),
      purchaseCharge(commitment, month.days, period),
    );
  }

  const lastDay = Math.min(month.end - 1, windowEnd);
  for (let day = month.start; day <= lastDay; day++) {
    const dayPeriod = { start: timestamp(day), end: timestamp(day + 1) };
    const ledgers = new Map(
      commitments.map(c => [c.key, new CommitmentLedger(c, c.perDay)]),
    );
    for (const line of lines) {
      const raw = dailyUsage(
        line,
        day,
        windowEnd,
        ctx.monthsAgo,
        ctx.rng.fork(`${line.key}/${day}`),
      );
      const decimals = line.usage.decimals ?? 6;
      const quantity = new Decimal(raw.toFixed(decimals));
      if (!quantity.greaterThan(0)) continue;
      const ledger = line.commitment ? ledgers.get(line.commitment) : undefined;
      const charges = ledger
        ? ledger.charge(line, quantity, dayPeriod, decimals)
        : [onDemandCharge(line, quantity, dayPeriod)];
      for (const charge of charges) {
        await emit(line, charge);
        ctx.budgets.addDaily(day, line, charge.effectiveCost);
        if (line.sustainedUseCredit && charge.pricingCategory === 'Standard') {
          const credit = creditCharge(
            charge,
            line.sustainedUseCredit,
            'Sustained Usage Discount',
          );
          await emit(line, credit);
          ctx.budgets.addDaily(day, line, credit.effectiveCost);
        }
      }
    }
    for (const ledger of ledgers.values()) {
      const unused = ledger.unused(dayPeriod);
      if (unused) await emit(commitmentSubject(ledger.commitment), unused);
    }
  }

  // Month-end charges: fixed fees first, then tax on everything billed including the fees.
  for (const fee of catalog.monthlyFees.filter(f => f.provider === provider)) {
    const billed = billedByAccount.get(fee.subject.account.id) ?? ZERO;
    const charge = feeCharge(
      fee.fee(billed),
      period,
      fee.quantity,
      fee.unitPrice,
    );
    await emit(fee.subject, charge);
    ctx.budgets.addMonthly(month, fee.subject, charge.effectiveCost);
  }
  for (const tax of catalog.taxes.filter(t => t.provider === provider)) {
    const billed = billedByAccount.get(tax.account.id) ?? ZERO;
    await emit(
      taxSubject(tax.account, tax.subAccount, month.label),
      taxCharge(billed, tax.account.taxRate, period),
    );
  }

  const bytes = await writer.close();
  return {
    path,
    provider,
    billingPeriod: month.label,
    rows: writer.rows,
    bytes,
    totals: totals.toArray(),
  };
}

/**
 * Writes the demo organisation's FOCUS 1.2 exports: one CSV per provider (aws, azure, gcp,
 * marketplace) per monthly billing period, daily charge periods through `through`.
 * @public
 */
export async function generateDemoExports(
  options: DemoExportOptions,
): Promise<DemoExportResult> {
  const seed = options.seed ?? 'acme-retail';
  const windowEnd = parseDay(options.through);
  const months = monthsEndingAt(windowEnd, options.months ?? 13);
  const catalog = demoCatalog();
  const rng = createRng(seed);
  const budgets = new DemoBudgetLedger(windowEnd);
  const files: GeneratedFile[] = [];
  for (const [index, month] of months.entries()) {
    const ctx: MonthContext = {
      catalog,
      rng,
      outDir: options.outDir,
      month,
      monthsAgo: months.length - 1 - index,
      windowEnd,
      budgets,
    };
    for (const provider of DEMO_PROVIDERS) {
      files.push(await writeProviderMonth(ctx, provider));
    }
  }
  const metrics = await writeDemoMetrics({
    outDir: options.outDir,
    firstDay: months[0].start,
    lastDay: windowEnd,
    seed,
  });
  return {
    seed,
    through: formatDay(windowEnd),
    files,
    rows: files.reduce((sum, f) => sum + f.rows, 0),
    metrics,
    budgets: await budgets.write(options.outDir),
  };
}
