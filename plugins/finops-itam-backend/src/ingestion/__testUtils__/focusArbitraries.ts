import fc from 'fast-check';
import { formatUnits } from '../../money';
import { MANDATORY_COLUMNS } from '../focusColumns';

/**
 * fast-check arbitraries for FOCUS CSV files, and the totals a correct ingestion of them
 * stores, computed with BigInt units so the oracle never touches a float.
 */

/** Amounts are stored at 16 decimal places (numeric(38,16)); generated ones stay within. */
export const AMOUNT_SCALE = 16;

/** Every column a file must have: the importer's own list, so the two cannot drift. */
const MANDATORY = MANDATORY_COLUMNS;

/** Optional columns whose presence the generator varies (values never change the money). */
const OPTIONAL = [
  'SubAccountId',
  'RegionId',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'PricingCategory',
  'ChargeFrequency',
  'ConsumedQuantity',
  'SkuId',
  'Tags',
  'x_CustomColumn',
] as const;

export type FocusCell = string;

/** One generated row: its cells by column, and the exact money it carries. */
export interface GeneratedRow {
  cells: Record<string, FocusCell>;
  /** Key of the totals the row counts in: account, billing period (YYYY-MM-DD), currency. */
  key: string;
  billedUnits: bigint;
  effectiveUnits: bigint;
}

export interface GeneratedFile {
  /** Header as written (FOCUS names in any case and order, plus extra columns). */
  header: string[];
  /** For each header entry, the FOCUS column its cells come from. */
  sources: string[];
  rows: GeneratedRow[];
}

/** Serialisation choices that never change what a correct reader reads. */
export interface CsvStyle {
  /** Commas, or what spreadsheets save in some locales. */
  delimiter: ',' | ';' | '\t';
  lineEnd: '\n' | '\r\n';
  bom: boolean;
  quoteAll: boolean;
  finalNewline: boolean;
}

export const csvStyleArbitrary: fc.Arbitrary<CsvStyle> = fc.record({
  delimiter: fc.constantFrom<CsvStyle['delimiter']>(',', ';', '\t'),
  lineEnd: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  finalNewline: fc.boolean(),
});

export const PLAIN_STYLE: CsvStyle = {
  delimiter: ',',
  lineEnd: '\n',
  bom: false,
  quoteAll: false,
  finalNewline: true,
};

/** An amount as integer units of 10^-16, up to 12 whole digits, and how it is written. */
const amountArbitrary = fc
  .record({
    units: fc.bigInt({
      min: -(10n ** BigInt(12 + AMOUNT_SCALE)),
      max: 10n ** BigInt(12 + AMOUNT_SCALE),
    }),
    // Most real amounts have few decimals; keep those common so sums carry and cancel.
    places: fc.integer({ min: 0, max: AMOUNT_SCALE }),
    trailingZeros: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ units, places, trailingZeros }) => {
    // Drop the digits below `places` so the written text has at most that many decimals.
    const step = 10n ** BigInt(AMOUNT_SCALE - places);
    const kept = (units / step) * step;
    const plain = formatUnits(kept, AMOUNT_SCALE);
    const padded =
      trailingZeros > 0 && places + trailingZeros <= AMOUNT_SCALE
        ? `${plain}${plain.includes('.') ? '' : '.'}${'0'.repeat(
            trailingZeros,
          )}`
        : plain;
    return { units: kept, text: padded };
  });

const MONTHS = ['2026-01', '2026-02', '2026-03'] as const;

/** Timestamps in the forms real exports use; all mean the same UTC instant. */
function writeInstant(ms: number, style: number): string {
  const iso = new Date(ms).toISOString();
  switch (style) {
    case 0:
      return iso.replace('.000Z', 'Z');
    case 1:
      return iso;
    case 2:
      return iso.replace('T', ' ').replace('.000Z', '');
    default:
      return iso.replace('.000Z', '+00:00');
  }
}

/** Text cells: commas, quotes and non-ASCII included, never a null spelling. */
const textArbitrary = fc
  .string({
    unit: fc.constantFrom(
      ...'abcXYZ019 -_,"\'é€😀'.split(/(?:)/u).filter(c => c !== ''),
    ),
    minLength: 1,
    maxLength: 12,
  })
  .filter(s => s.trim() !== '' && s.trim().toUpperCase() !== 'NULL');

const tagsArbitrary = fc.option(
  fc
    .dictionary(
      fc.constantFrom('env', 'team', 'app', ' cost center '),
      fc.constantFrom('prod', 'dev', 'a,b', 'quote "x"', 'ünï'),
      { minKeys: 1, maxKeys: 3 },
    )
    .map(tags => JSON.stringify(tags)),
  { nil: '' },
);

const DAY_MS = 86_400_000;

const rowArbitrary = fc
  .record({
    account: fc.constantFrom('acct-1', 'acct-2', '000123456789'),
    currency: fc.constantFrom('USD', 'EUR', 'JPY', 'eur'),
    month: fc.constantFrom(...MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    startHour: fc.integer({ min: 0, max: 23 }),
    // Hours the charge lasts: within its day, or spread over up to three days.
    hours: fc.integer({ min: 1, max: 72 }),
    timeStyle: fc.integer({ min: 0, max: 3 }),
    category: fc.constantFrom('Usage', 'Purchase', 'Tax', 'Credit', 'usage'),
    frequency: fc.constantFrom('', 'One-Time', 'Recurring', 'Usage-Based'),
    billed: amountArbitrary,
    effective: amountArbitrary,
    list: fc.option(amountArbitrary, { nil: undefined }),
    contracted: fc.option(amountArbitrary, { nil: undefined }),
    quantity: fc.option(amountArbitrary, { nil: undefined }),
    service: textArbitrary,
    resource: fc.option(textArbitrary, { nil: '' }),
    tags: tagsArbitrary,
  })
  .map((r): GeneratedRow => {
    const periodStart = Date.parse(`${r.month}-01T00:00:00Z`);
    const start = periodStart + (r.day - 1) * DAY_MS + r.startHour * 3_600_000;
    const end = start + r.hours * 3_600_000;
    const periodEnd = new Date(periodStart);
    periodEnd.setUTCMonth(periodEnd.getUTCMonth() + 1);
    const cells: Record<string, string> = {
      BilledCost: r.billed.text,
      EffectiveCost: r.effective.text,
      ListCost: r.list?.text ?? '',
      ContractedCost: r.contracted?.text ?? '',
      BillingAccountId: r.account,
      BillingCurrency: r.currency,
      BillingPeriodStart: writeInstant(periodStart, r.timeStyle),
      BillingPeriodEnd: writeInstant(periodEnd.getTime(), r.timeStyle),
      ChargePeriodStart: writeInstant(start, r.timeStyle),
      ChargePeriodEnd: writeInstant(end, r.timeStyle),
      ChargeCategory: r.category,
      ChargeClass: '',
      ServiceName: r.service,
      ServiceCategory: 'Compute',
      InvoiceIssuerName: 'Example Cloud',
      ProviderName: 'Example Cloud',
      ServiceProviderName: 'Example Cloud',
      SubAccountId: 'sub-1',
      RegionId: 'eu-west-1',
      ResourceId: r.resource,
      ResourceName: r.resource,
      ResourceType: 'Virtual Machine',
      PricingCategory: 'Standard',
      ChargeFrequency: r.frequency,
      ConsumedQuantity: r.quantity?.text ?? '',
      SkuId: 'sku-1',
      Tags: r.tags,
      x_CustomColumn: 'extra',
    };
    return {
      cells,
      key: totalsKey(r.account, `${r.month}-01`, r.currency.toUpperCase()),
      billedUnits: r.billed.units,
      effectiveUnits: r.effective.units,
    };
  });

/** Writes a header name in another case now and then: readers match names case-insensitively. */
const headerName = (name: string, variant: number) =>
  [name, name.toLowerCase(), ` ${name}`][variant];

/** A valid FOCUS CSV: mandatory columns, a random set of optional ones, shuffled, 1–30 rows. */
export const focusFileArbitrary = (maxRows = 30): fc.Arbitrary<GeneratedFile> =>
  fc
    .record({
      provider: fc.constantFrom('ProviderName', 'ServiceProviderName'),
      optional: fc.subarray([...OPTIONAL]),
      // Sort keys of the columns: a shuffled header order that shrinks well.
      order: fc.array(fc.nat({ max: 1000 }), { minLength: 40, maxLength: 40 }),
      caseVariants: fc.array(fc.integer({ min: 0, max: 2 }), {
        minLength: 40,
        maxLength: 40,
      }),
      rows: fc.array(rowArbitrary, { minLength: 1, maxLength: maxRows }),
    })
    .map(({ provider, optional, order, caseVariants, rows }) => {
      const columns = [...MANDATORY, provider, ...optional];
      const sources = columns
        .map((c, i) => ({ c, w: order[i] }))
        .sort((a, b) => a.w - b.w)
        .map(({ c }) => c);
      return {
        header: sources.map((c, i) => headerName(c, caseVariants[i])),
        sources,
        rows,
      };
    });

export function totalsKey(account: string, period: string, currency: string) {
  return `${account}|${period}|${currency}`;
}

/** The file's lines as cells, each already quoted as CSV needs (header first). */
export function csvCells(
  file: GeneratedFile,
  style: CsvStyle = PLAIN_STYLE,
): string[][] {
  return [
    file.header.map(h => quote(h, style)),
    ...file.rows.map(row =>
      file.sources.map(column => {
        const value = row.cells[column] ?? '';
        // An empty quoted cell is still an empty cell, so only non-empty ones get quotes.
        return value === '' ? '' : quote(value, style);
      }),
    ),
  ];
}

/** Joins quoted cells into CSV text in the given style. */
export function joinCsv(lines: string[][], style: CsvStyle = PLAIN_STYLE) {
  const body =
    lines.map(cells => cells.join(style.delimiter)).join(style.lineEnd) +
    (style.finalNewline ? style.lineEnd : '');
  return (style.bom ? '\ufeff' : '') + body;
}

/** The file as CSV text in the given style. */
export function toCsv(file: GeneratedFile, style: CsvStyle = PLAIN_STYLE) {
  return joinCsv(csvCells(file, style), style);
}

/** Quotes one cell when CSV needs it (or always, when the style quotes every cell). */
export function quote(value: string, style: CsvStyle = PLAIN_STYLE): string {
  return style.quoteAll ||
    /["\r\n]/.test(value) ||
    value.includes(style.delimiter) ||
    value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** BilledCost and EffectiveCost per account|period|currency, as exact decimal strings. */
export function expectedTotals(
  rows: GeneratedRow[],
): Map<string, { billedCost: string; effectiveCost: string }> {
  const units = new Map<string, { billed: bigint; effective: bigint }>();
  for (const row of rows) {
    const sum = units.get(row.key) ?? { billed: 0n, effective: 0n };
    units.set(row.key, {
      billed: sum.billed + row.billedUnits,
      effective: sum.effective + row.effectiveUnits,
    });
  }
  return new Map(
    [...units.entries()].map(([key, { billed, effective }]) => [
      key,
      {
        billedCost: formatUnits(billed, AMOUNT_SCALE),
        effectiveCost: formatUnits(effective, AMOUNT_SCALE),
      },
    ]),
  );
}
