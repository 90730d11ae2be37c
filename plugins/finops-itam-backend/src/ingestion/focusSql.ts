import {
  CHARGE_CATEGORIES,
  CHARGE_FREQUENCIES,
  COMMITMENT_CATEGORIES,
  FocusColumn,
} from './focusColumns';
import { quoteIdentifier } from './duckdb';

/**
 * SQL that turns one FOCUS file into typed, validated rows in DuckDB. Every value is read as
 * text first, so a bad cell rejects its row with a reason instead of failing the file.
 */

/** Amounts keep 16 decimal places: real exports carry values below a millionth. */
export const AMOUNT_TYPE = 'DECIMAL(38,16)';

/**
 * Longest charge period a row may have: ten years, past any commitment term (1, 3 or 5
 * years). A period spread over its days becomes one fact per day, so a typo such as
 * 9999-12-31 would otherwise turn one row into millions of facts and exhaust memory.
 */
export const MAX_CHARGE_PERIOD_DAYS = 3653;

/** The amounts that place money: a row without a readable one is rejected. */
const MONEY_COLUMNS: FocusColumn[] = ['BilledCost', 'EffectiveCost'];

/** Amounts that may be unknown on a stored row (empty in real exports, e.g. Oracle's). */
const UNKNOWN_ALLOWED_AMOUNTS: FocusColumn[] = ['ListCost', 'ContractedCost'];

/** Columns summed as exact decimals. */
export const DECIMAL_COLUMNS: FocusColumn[] = [
  ...MONEY_COLUMNS,
  ...UNKNOWN_ALLOWED_AMOUNTS,
  'ConsumedQuantity',
  'CommitmentDiscountQuantity',
];

/**
 * Columns a fast reader may type natively. Timestamps stay text: DuckDB's plain TIMESTAMP
 * parser drops UTC offsets, and its TIMESTAMPTZ reader is no faster than our cast.
 */
export const NATIVE_TYPES: [FocusColumn, string][] = DECIMAL_COLUMNS.map(c => [
  c,
  AMOUNT_TYPE,
]);

/**
 * How the source delivers amounts: as text (parsed here, row by row, so a bad cell rejects
 * only its row) or natively typed (Parquet types, or CSV read with DECIMAL column types,
 * which the CSV reader parses faster than a cast from text).
 */
export type AmountInput = 'text' | 'native';

interface RowCheck {
  column: FocusColumn;
  failsWhen: string;
  reason: string;
}

const raw = (column: FocusColumn) => `r_${column}`;

/** The typed amount column; parsed once per row, as DECIMAL parsing dominates the scan. */
const typedAmount = (column: FocusColumn) => `t_${column}`;

/** Quoted sample of the offending value for messages, kept short. */
const shown = (column: FocusColumn) =>
  `'"' || left(CAST(${raw(column)} AS VARCHAR), 60) || '"'`;

function canonicalCase(expression: string, values: readonly string[]) {
  const whens = values
    .map(v => `WHEN '${v.toLowerCase()}' THEN '${v}'`)
    .join(' ');
  return `CASE lower(trim(${expression})) ${whens} END`;
}

const JSON_OBJECT_COLUMNS = [
  'Tags',
  'AllocatedTags',
  'SkuPriceDetails',
] as const;

/**
 * FOCUS 1.4 CommitmentProgramEligibilityDetails is stored in three states the KPIs tell
 * apart: SQL NULL when the file has no such column (pre-1.4: eligibility then comes from the
 * configured service categories), `''` when the file has it and the cell is empty (eligible
 * for no program), and the cell's text otherwise. A cell that is not a JSON object is kept as
 * written and warned about: the coverage KPI counts its row as unknown eligibility ("not
 * covered") instead of guessing, which storing NULL would have done.
 */
const ELIGIBILITY: FocusColumn = 'CommitmentProgramEligibilityDetails';

/** Columns whose JSON shape is tested once per row. */
const JSON_TESTED_COLUMNS: readonly FocusColumn[] = [
  ...JSON_OBJECT_COLUMNS,
  ELIGIBILITY,
];

/** Whether a JSON column holds an object; computed once per row in the typed rows. */
const isJsonObject = (column: FocusColumn) => `is_object_${column}`;

// json_type() throws on invalid JSON, so test the first character instead.
const jsonObjectTest = (column: FocusColumn) =>
  `(json_valid(${raw(column)}) AND starts_with(${raw(
    column,
  )}, '{')) AS ${isJsonObject(column)}`;

const emptyCheck = (column: FocusColumn): RowCheck => ({
  column,
  failsWhen: `${raw(column)} IS NULL`,
  reason: `'is empty; FOCUS requires a value'`,
});

/**
 * Checks that reject a row: only values needed to place its money (how much, in which
 * currency, on which account, billing period and days, of which kind of charge).
 */
const ROW_CHECKS: RowCheck[] = [
  ...(['BillingAccountId', 'BillingCurrency', 'ChargeCategory'] as const).map(
    emptyCheck,
  ),
  {
    column: 'BillingCurrency',
    failsWhen: `NOT regexp_full_match(${raw(
      'BillingCurrency',
    )}, '[A-Za-z]{3}')`,
    reason: `${shown(
      'BillingCurrency',
    )} || ' is not a three-letter currency code'`,
  },
  {
    column: 'ChargeCategory',
    failsWhen: 'charge_category IS NULL',
    reason: `${shown(
      'ChargeCategory',
    )} || ' is not a ChargeCategory (expected ${CHARGE_CATEGORIES.join(
      ', ',
    )})'`,
  },
  ...(
    [
      ['BillingPeriodStart', 'billing_period_start_at'],
      ['ChargePeriodStart', 'charge_period_start_at'],
      ['ChargePeriodEnd', 'charge_period_end_at'],
    ] as const
  ).flatMap(([column, typed]) => [
    emptyCheck(column),
    {
      column,
      failsWhen: `${typed} IS NULL`,
      reason: `${shown(column)} || ' is not a date or timestamp'`,
    },
  ]),
  {
    column: 'ChargePeriodEnd',
    failsWhen: 'charge_period_end_at < charge_period_start_at',
    reason: `'is before ChargePeriodStart'`,
  },
  {
    column: 'ChargePeriodEnd',
    failsWhen: `charge_period_end_at > charge_period_start_at + INTERVAL ${MAX_CHARGE_PERIOD_DAYS} DAY`,
    reason: `${shown(
      'ChargePeriodEnd',
    )} || ' is more than ${MAX_CHARGE_PERIOD_DAYS} days after ChargePeriodStart'`,
  },
  ...MONEY_COLUMNS.flatMap(column => [
    emptyCheck(column),
    {
      column,
      failsWhen: `${typedAmount(column)} IS NULL`,
      reason: `${shown(column)} || ' is not a decimal number in range'`,
    },
  ]),
];

/**
 * Data-quality checks: the row is stored, the value is stored as unknown (NULL), and the
 * report counts the rows per column. Sums that need the value say what they could not cover.
 */
const WARNING_CHECKS: RowCheck[] = [
  ...UNKNOWN_ALLOWED_AMOUNTS.flatMap(column => [
    {
      column,
      failsWhen: `${raw(column)} IS NULL`,
      reason: `'is empty; stored as unknown'`,
    },
    {
      column,
      failsWhen: `${typedAmount(column)} IS NULL`,
      reason: `'is not a decimal number in range; stored as unknown'`,
    },
  ]),
  {
    column: 'ConsumedQuantity',
    failsWhen: `${raw('ConsumedQuantity')} IS NOT NULL AND ${typedAmount(
      'ConsumedQuantity',
    )} IS NULL`,
    reason: `'is not a decimal number in range; stored as unknown'`,
  },
  {
    column: 'CommitmentDiscountQuantity',
    failsWhen: `${raw(
      'CommitmentDiscountQuantity',
    )} IS NOT NULL AND ${typedAmount('CommitmentDiscountQuantity')} IS NULL`,
    reason: `'is not a decimal number in range; stored as unknown'`,
  },
  {
    column: ELIGIBILITY,
    failsWhen: `${raw(ELIGIBILITY)} IS NOT NULL AND NOT ${isJsonObject(
      ELIGIBILITY,
    )}`,
    reason: `'is not a JSON object; kept as written, its eligibility counted as unknown'`,
  },
  {
    column: 'ChargeClass',
    failsWhen: `${raw('ChargeClass')} IS NOT NULL AND charge_class IS NULL`,
    reason: `'is not a ChargeClass (expected empty or Correction); stored as a regular charge'`,
  },
  {
    column: 'ChargeFrequency',
    failsWhen: `${raw(
      'ChargeFrequency',
    )} IS NOT NULL AND charge_frequency IS NULL`,
    reason: `'is not a ChargeFrequency (expected ${CHARGE_FREQUENCIES.join(
      ', ',
    )}); spread over its charge period'`,
  },
  ...JSON_OBJECT_COLUMNS.map(column => ({
    column,
    failsWhen: `${raw(column)} IS NOT NULL AND NOT ${isJsonObject(column)}`,
    reason: `'is not a JSON object; stored as unknown'`,
  })),
];

/** The warning checks by column, in report order (one entry per column). */
export const WARNING_COLUMNS: FocusColumn[] = [
  ...new Set(WARNING_CHECKS.map(c => c.column)),
];

function caseOf(checks: RowCheck[], pick: (check: RowCheck) => string) {
  const whens = checks.map(c => `WHEN ${c.failsWhen} THEN ${pick(c)}`);
  return `CASE ${whens.join(' ')} END`;
}

/** True when any check fails; a check on a NULL value counts as passed. */
const anyFails = (checks: RowCheck[]) =>
  checks.map(c => `COALESCE(${c.failsWhen}, false)`).join(' OR ');

const warnsOn = (column: FocusColumn) =>
  anyFails(WARNING_CHECKS.filter(c => c.column === column));

/**
 * A charge period that reaches past the UTC day it starts in is spread over its days by the
 * reader, so its rows keep their period (epoch milliseconds); One-Time charges stay on their
 * start day. Rows within one day group without it.
 */
const SPANS_DAYS = `(charge_frequency IS DISTINCT FROM 'One-Time'
    AND charge_period_end_at > date_trunc('day', charge_period_start_at) + INTERVAL 1 DAY)`;

/**
 * A text timestamp as the UTC instant it names, typed as a plain TIMESTAMP holding UTC wall
 * time (the session's time zone is UTC). The usual FOCUS form, `2026-09-01T00:00:00Z`, is
 * UTC already and goes through the plain parser; anything else (an offset such as `+02:00`,
 * which the plain parser would drop, a date alone, fractions) through the time-zone-aware
 * one, then to UTC wall time. Plain TIMESTAMP arithmetic (day truncation, the date, epoch
 * milliseconds) then skips the time-zone library on every row: together with the fast parse
 * that took a Parquet delivery's scan from about 1.3 s to about 0.6 s (issue 19).
 */
export const utcTimestamp = (text: string) =>
  `CASE WHEN ${text} LIKE '____-__-__T__:__:__Z' THEN TRY_CAST(${text} AS TIMESTAMP) ` +
  `ELSE CAST(TRY_CAST(${text} AS TIMESTAMPTZ) AS TIMESTAMP) END`;

/**
 * The file's cells as text (`''` and `NULL` read as null), then typed, then checked:
 * `is_rejected` marks rows that cannot be placed.
 */
function checkedRows(
  source: string,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  withRowNumber: boolean,
  amountInput: AmountInput,
): string {
  const rawColumns = allColumns.map(column => {
    const actual = mapped.get(column);
    if (!actual) {
      return `CAST(NULL AS VARCHAR) AS ${raw(column)}`;
    }
    if (amountInput === 'native' && NATIVE_TYPES.some(([c]) => c === column)) {
      return `${quoteIdentifier(actual)} AS ${raw(column)}`;
    }
    // CSV sources already read '' and 'NULL' as null (nullstr); Parquet strings may hold them.
    return `NULLIF(NULLIF(CAST(${quoteIdentifier(
      actual,
    )} AS VARCHAR), ''), 'NULL') AS ${raw(column)}`;
  });
  const amounts = DECIMAL_COLUMNS.map(
    column =>
      `TRY_CAST(${raw(column)} AS ${AMOUNT_TYPE}) AS ${typedAmount(column)}`,
  );
  const timestamp = (column: FocusColumn) => utcTimestamp(raw(column));
  // row_number() needs a window over the whole scan; only the second scans pay for it.
  const rowNumber = withRowNumber ? 'row_number() OVER () AS row_number, ' : '';
  return `
WITH raw AS (
  SELECT ${rowNumber}${rawColumns.join(', ')}
  FROM ${source}
), typed AS (
  SELECT *,
    ${timestamp('BillingPeriodStart')} AS billing_period_start_at,
    ${timestamp('ChargePeriodStart')} AS charge_period_start_at,
    ${timestamp('ChargePeriodEnd')} AS charge_period_end_at,
    ${canonicalCase(
      raw('ChargeCategory'),
      CHARGE_CATEGORIES,
    )} AS charge_category,
    ${canonicalCase(raw('ChargeClass'), ['Correction'])} AS charge_class,
    ${canonicalCase(
      raw('ChargeFrequency'),
      CHARGE_FREQUENCIES,
    )} AS charge_frequency,
    ${JSON_TESTED_COLUMNS.map(jsonObjectTest).join(', ')},
    ${amounts.join(', ')}
  FROM raw
), checked AS (
  SELECT *,
    (${anyFails(ROW_CHECKS)}) AS is_rejected,
    (${anyFails(WARNING_CHECKS)}) AS has_warning,
    ${SPANS_DAYS} AS spans_days
  FROM typed
)`;
}

/** A JSON object column as stored: the file's text when it is one, unknown otherwise. */
const jsonObjectOrNull = (column: FocusColumn) =>
  `CASE WHEN ${isJsonObject(column)} THEN ${raw(column)} END`;

/**
 * One scan of one file: accepted rows summed per UTC day × resource × kind of charge, and
 * rejected rows counted in groups flagged `is_rejected`. Nothing per row is kept, so memory
 * stays flat however large the file is.
 *
 * @param source - a DuckDB table function call such as `read_csv(...)`
 * @param mapped - FOCUS column → the file's own column name
 */
export function buildAggregateSelect(
  source: string,
  fileIndex: number,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  amountInput: AmountInput,
): string {
  return `${checkedRows(source, mapped, allColumns, false, amountInput)}
SELECT
  ${fileIndex} AS file_index,
  is_rejected,
  strftime(CAST(billing_period_start_at AS DATE), '%Y-%m-%d') AS billing_period_start,
  strftime(CAST(charge_period_start_at AS DATE), '%Y-%m-%d') AS day,
  CASE WHEN spans_days THEN epoch_ms(charge_period_start_at) END AS spread_start_ms,
  CASE WHEN spans_days THEN epoch_ms(charge_period_end_at) END AS spread_end_ms,
  ${raw('BillingAccountId')} AS billing_account_id,
  ${raw('SubAccountId')} AS sub_account_id,
  COALESCE(${raw('ProviderName')}, ${raw(
    'ServiceProviderName',
  )}) AS provider_name,
  COALESCE(${raw('PublisherName')}, ${raw('ServiceProviderName')}, ${raw(
    'ProviderName',
  )}) AS publisher_name,
  ${raw('HostProviderName')} AS host_provider_name,
  ${raw('InvoiceIssuerName')} AS invoice_issuer_name,
  ${raw('ServiceName')} AS service_name,
  ${raw('ServiceCategory')} AS service_category,
  ${raw('RegionId')} AS region_id,
  COALESCE(${raw('AllocatedResourceId')}, ${raw('ResourceId')}) AS resource_id,
  COALESCE(${raw('AllocatedResourceName')}, ${raw(
    'ResourceName',
  )}) AS resource_name,
  ${raw('ResourceType')} AS resource_type,
  charge_category,
  charge_class,
  COALESCE(${canonicalCase(raw('PricingCategory'), [
    'Standard',
    'Dynamic',
    'Committed',
    'Other',
  ])}, ${raw('PricingCategory')}) AS pricing_category,
  ${raw('CommitmentDiscountId')} AS commitment_discount_id,
  COALESCE(${canonicalCase(raw('CommitmentDiscountStatus'), [
    'Used',
    'Unused',
  ])}, ${raw('CommitmentDiscountStatus')}) AS commitment_discount_status,
  COALESCE(${canonicalCase(
    raw('CommitmentDiscountCategory'),
    COMMITMENT_CATEGORIES,
  )}, ${raw('CommitmentDiscountCategory')}) AS commitment_discount_category,
  ${raw('CommitmentDiscountType')} AS commitment_discount_type,
  ${raw('CommitmentDiscountUnit')} AS commitment_discount_unit,
  ${
    mapped.has(ELIGIBILITY) ? `COALESCE(${raw(ELIGIBILITY)}, '')` : 'NULL'
  }::VARCHAR AS commitment_program_eligibility_details,
  ${raw('SkuId')} AS sku_id,
  ${jsonObjectOrNull('SkuPriceDetails')} AS sku_price_details,
  COALESCE(${jsonObjectOrNull('AllocatedTags')}, ${jsonObjectOrNull(
    'Tags',
  )}) AS tags,
  upper(${raw('BillingCurrency')}) AS currency,
  -- Rows with an unknown amount group apart, so their facts keep it unknown (NULL) and the
  -- known sums stay whole.
  ${typedAmount('ListCost')} IS NULL AS list_cost_unknown,
  ${typedAmount('ContractedCost')} IS NULL AS contracted_cost_unknown,
  ${typedAmount(
    'CommitmentDiscountQuantity',
  )} IS NULL AS commitment_discount_quantity_unknown,
  SUM(${typedAmount('BilledCost')}) AS billed_cost,
  SUM(${typedAmount('EffectiveCost')}) AS effective_cost,
  SUM(${typedAmount('ListCost')}) AS list_cost,
  SUM(${typedAmount('ContractedCost')}) AS contracted_cost,
  SUM(${typedAmount('ConsumedQuantity')}) AS consumed_quantity,
  SUM(${typedAmount(
    'CommitmentDiscountQuantity',
  )}) AS commitment_discount_quantity,
  COUNT(*) AS row_count,
  -- Which columns, and which rows, only a second scan asks, when there are any.
  COUNT(*) FILTER (WHERE has_warning AND NOT is_rejected) AS warning_rows,
  -- DuckDB's DECIMAL(38) sums overflow past 1.7 * 10^22 (an error, or a wrap around); rows times the
  -- largest amount bounds every sum, so the reader can refuse before trusting one.
  GREATEST(${DECIMAL_COLUMNS.map(
    column => `COALESCE(MAX(abs(${typedAmount(column)})), 0)`,
  ).join(', ')}) AS max_abs_amount
FROM checked
GROUP BY ALL`;
}

/** The first 100 rejected rows of one file, with their 1-based row number and reason. */
export function buildRejectionsSelect(
  source: string,
  fileIndex: number,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  amountInput: AmountInput,
): string {
  return `${checkedRows(source, mapped, allColumns, true, amountInput)}
SELECT ${fileIndex} AS file_index, row_number,
  ${caseOf(ROW_CHECKS, c => `'${c.column}'`)} AS reject_column,
  ${caseOf(ROW_CHECKS, c => c.reason)} AS reject_reason
FROM checked
WHERE is_rejected
ORDER BY row_number
LIMIT 100`;
}

/**
 * What the rejected rows of one file would have carried, per billing account, billing period
 * and currency as the file wrote them: their sums, the sums of their absolute values (a
 * refund and a charge do not cancel out) and how many have a cost that cannot be read.
 */
export function buildRejectedTotalsSelect(
  source: string,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  amountInput: AmountInput,
): string {
  const billed = typedAmount('BilledCost');
  const effective = typedAmount('EffectiveCost');
  return `${checkedRows(source, mapped, allColumns, false, amountInput)}
SELECT
  COALESCE(${raw('BillingAccountId')}, '(empty)') AS billing_account_id,
  COALESCE(strftime(CAST(billing_period_start_at AS DATE), '%Y-%m-%d'), ${raw(
    'BillingPeriodStart',
  )}, '(empty)') AS billing_period_start,
  COALESCE(upper(${raw('BillingCurrency')}), '(empty)') AS currency,
  COUNT(*) AS row_count,
  COALESCE(SUM(${billed}), 0) AS billed_cost,
  COALESCE(SUM(${effective}), 0) AS effective_cost,
  COALESCE(SUM(abs(${billed})), 0) AS billed_cost_absolute,
  COALESCE(SUM(abs(${effective})), 0) AS effective_cost_absolute,
  COUNT(*) FILTER (WHERE ${billed} IS NULL OR ${effective} IS NULL) AS unreadable_cost_rows
FROM checked
WHERE is_rejected
GROUP BY ALL`;
}

/** Per warning column, how many accepted rows of one file have it (`count_<column>`). */
export function buildWarningCountsSelect(
  source: string,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  amountInput: AmountInput,
): string {
  const counts = WARNING_COLUMNS.map(
    column => `COUNT(*) FILTER (WHERE ${warnsOn(column)}) AS "count_${column}"`,
  );
  return `${checkedRows(source, mapped, allColumns, false, amountInput)}
SELECT ${counts.join(', ')}
FROM checked
WHERE NOT is_rejected AND has_warning`;
}

/** The first rows of one file with a warning on `column` (1-based row numbers). */
export function buildWarningRowsSelect(
  source: string,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
  amountInput: AmountInput,
  column: FocusColumn,
  limit: number,
): string {
  const checks = WARNING_CHECKS.filter(c => c.column === column);
  return `${checkedRows(source, mapped, allColumns, true, amountInput)}
SELECT row_number, ${caseOf(checks, c => c.reason)} AS reason
FROM checked
WHERE NOT is_rejected AND (${warnsOn(column)})
ORDER BY row_number
LIMIT ${limit}`;
}

/** Daily facts at resource granularity from the accepted rows. */
export const AGGREGATE_FACTS_SQL = `
SELECT * EXCLUDE (is_rejected, list_cost_unknown, contracted_cost_unknown,
  commitment_discount_quantity_unknown, warning_rows, max_abs_amount)
FROM aggregated
WHERE NOT is_rejected`;

/** What the accepted rows of the file say, per billing account, billing period and currency. */
export const FILE_TOTALS_SQL = `
SELECT billing_account_id, billing_period_start, currency,
  SUM(billed_cost) AS billed_cost,
  SUM(effective_cost) AS effective_cost
FROM aggregated
WHERE NOT is_rejected
GROUP BY ALL
ORDER BY ALL`;

export const COUNTS_SQL = `
SELECT SUM(row_count) AS rows_read,
  COALESCE(SUM(row_count) FILTER (WHERE is_rejected), 0) AS rows_rejected,
  MAX(day) FILTER (WHERE NOT is_rejected) AS data_through,
  COALESCE(SUM(warning_rows), 0) AS warning_rows,
  MAX(max_abs_amount) AS max_abs_amount
FROM aggregated`;
