import { CHARGE_CATEGORIES, FocusColumn } from './focusColumns';
import { quoteIdentifier } from './duckdb';

/**
 * SQL that turns one FOCUS file into typed, validated rows in DuckDB. Every value is read as
 * text first, so a bad cell rejects its row with a reason instead of failing the file.
 */

/** Amounts keep 16 decimal places: real exports carry values below a millionth. */
export const AMOUNT_TYPE = 'DECIMAL(38,16)';

const AMOUNT_COLUMNS: FocusColumn[] = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
];

interface RowCheck {
  column: string;
  failsWhen: string;
  reason: string;
}

const raw = (column: FocusColumn) => `r_${column}`;

/** Quoted sample of the offending value for messages, kept short. */
const shown = (column: FocusColumn) => `'"' || left(${raw(column)}, 60) || '"'`;

function canonicalCase(expression: string, values: readonly string[]) {
  const whens = values
    .map(v => `WHEN '${v.toLowerCase()}' THEN '${v}'`)
    .join(' ');
  return `CASE lower(${expression}) ${whens} END`;
}

const ROW_CHECKS: RowCheck[] = [
  ...(['BillingAccountId', 'BillingCurrency', 'ChargeCategory'] as const).map(
    column => ({
      column,
      failsWhen: `${raw(column)} IS NULL`,
      reason: `'is empty; FOCUS requires a value'`,
    }),
  ),
  {
    column: 'BillingCurrency',
    failsWhen: `NOT regexp_full_match(${raw('BillingCurrency')}, '[A-Za-z]{3}')`,
    reason: `${shown('BillingCurrency')} || ' is not a three-letter currency code'`,
  },
  {
    column: 'ChargeCategory',
    failsWhen: 'charge_category IS NULL',
    reason: `${shown('ChargeCategory')} || ' is not a ChargeCategory (expected ${CHARGE_CATEGORIES.join(', ')})'`,
  },
  {
    column: 'ChargeClass',
    failsWhen: `${raw('ChargeClass')} IS NOT NULL AND charge_class IS NULL`,
    reason: `${shown('ChargeClass')} || ' is not a ChargeClass (expected empty or Correction)'`,
  },
  ...(
    [
      ['BillingPeriodStart', 'billing_period_start_at'],
      ['ChargePeriodStart', 'charge_period_start_at'],
      ['ChargePeriodEnd', 'charge_period_end_at'],
    ] as const
  ).flatMap(([column, typed]) => [
    {
      column,
      failsWhen: `${raw(column)} IS NULL`,
      reason: `'is empty; FOCUS requires a value'`,
    },
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
  ...AMOUNT_COLUMNS.flatMap(column => [
    {
      column,
      failsWhen: `${raw(column)} IS NULL`,
      reason: `'is empty; FOCUS requires a value'`,
    },
    {
      column,
      failsWhen: `TRY_CAST(${raw(column)} AS ${AMOUNT_TYPE}) IS NULL`,
      reason: `${shown(column)} || ' is not a decimal number in range'`,
    },
  ]),
  {
    column: 'ConsumedQuantity',
    failsWhen: `${raw('ConsumedQuantity')} IS NOT NULL AND TRY_CAST(${raw('ConsumedQuantity')} AS ${AMOUNT_TYPE}) IS NULL`,
    reason: `${shown('ConsumedQuantity')} || ' is not a decimal number in range'`,
  },
  ...(['Tags', 'AllocatedTags'] as const).map(column => ({
    column,
    failsWhen: `${raw(column)} IS NOT NULL AND (NOT json_valid(${raw(column)}) OR json_type(${raw(column)}) <> 'OBJECT')`,
    reason: `${shown(column)} || ' is not a JSON object'`,
  })),
];

function caseOf(pick: (check: RowCheck) => string) {
  const whens = ROW_CHECKS.map(c => `WHEN ${c.failsWhen} THEN ${pick(c)}`);
  return `CASE ${whens.join(' ')} END`;
}

/**
 * Builds `SELECT ... FROM <source>` producing one typed row per file row, with
 * `reject_column`/`reject_reason` set on rows that fail a check.
 *
 * @param source - a DuckDB table function call such as `read_csv(...)`
 * @param mapped - FOCUS column → the file's own column name
 */
export function buildParseSelect(
  source: string,
  fileIndex: number,
  mapped: Map<FocusColumn, string>,
  allColumns: readonly FocusColumn[],
): string {
  const rawColumns = allColumns.map(column => {
    const actual = mapped.get(column);
    const value = actual
      ? `NULLIF(NULLIF(TRIM(CAST(${quoteIdentifier(actual)} AS VARCHAR)), ''), 'NULL')`
      : 'CAST(NULL AS VARCHAR)';
    return `${value} AS ${raw(column)}`;
  });
  const amount = (column: FocusColumn) =>
    `TRY_CAST(${raw(column)} AS ${AMOUNT_TYPE})`;
  const timestamp = (column: FocusColumn) =>
    `TRY_CAST(${raw(column)} AS TIMESTAMPTZ)`;

  return `
WITH raw AS (
  SELECT row_number() OVER () AS row_number, ${rawColumns.join(', ')}
  FROM ${source}
), typed AS (
  SELECT *,
    ${timestamp('BillingPeriodStart')} AS billing_period_start_at,
    ${timestamp('ChargePeriodStart')} AS charge_period_start_at,
    ${timestamp('ChargePeriodEnd')} AS charge_period_end_at,
    ${canonicalCase(raw('ChargeCategory'), CHARGE_CATEGORIES)} AS charge_category,
    ${canonicalCase(raw('ChargeClass'), ['Correction'])} AS charge_class
  FROM raw
)
SELECT
  ${fileIndex} AS file_index,
  row_number,
  CAST(billing_period_start_at AS DATE) AS billing_period_start,
  CAST(charge_period_start_at AS DATE) AS day,
  ${raw('BillingAccountId')} AS billing_account_id,
  ${raw('SubAccountId')} AS sub_account_id,
  COALESCE(${raw('ProviderName')}, ${raw('ServiceProviderName')}) AS provider_name,
  COALESCE(${raw('PublisherName')}, ${raw('ServiceProviderName')}, ${raw('ProviderName')}) AS publisher_name,
  ${raw('InvoiceIssuerName')} AS invoice_issuer_name,
  ${raw('ServiceName')} AS service_name,
  ${raw('ServiceCategory')} AS service_category,
  ${raw('RegionId')} AS region_id,
  COALESCE(${raw('AllocatedResourceId')}, ${raw('ResourceId')}) AS resource_id,
  COALESCE(${raw('AllocatedResourceName')}, ${raw('ResourceName')}) AS resource_name,
  ${raw('ResourceType')} AS resource_type,
  charge_category,
  charge_class,
  COALESCE(${canonicalCase(raw('PricingCategory'), ['Standard', 'Dynamic', 'Committed', 'Other'])}, ${raw('PricingCategory')}) AS pricing_category,
  ${raw('CommitmentDiscountId')} AS commitment_discount_id,
  COALESCE(${canonicalCase(raw('CommitmentDiscountStatus'), ['Used', 'Unused'])}, ${raw('CommitmentDiscountStatus')}) AS commitment_discount_status,
  ${raw('SkuId')} AS sku_id,
  ${raw('SkuPriceDetails')} AS sku_price_details,
  COALESCE(${raw('AllocatedTags')}, ${raw('Tags')}) AS tags,
  upper(${raw('BillingCurrency')}) AS currency,
  ${amount('BilledCost')} AS billed_cost,
  ${amount('EffectiveCost')} AS effective_cost,
  ${amount('ListCost')} AS list_cost,
  ${amount('ContractedCost')} AS contracted_cost,
  ${amount('ConsumedQuantity')} AS consumed_quantity,
  ${caseOf(c => `'${c.column}'`)} AS reject_column,
  ${caseOf(c => c.reason)} AS reject_reason
FROM typed`;
}

/** Daily facts at resource granularity from the accepted rows. */
export const AGGREGATE_FACTS_SQL = `
SELECT
  file_index,
  strftime(billing_period_start, '%Y-%m-%d') AS billing_period_start,
  strftime(day, '%Y-%m-%d') AS day,
  billing_account_id, sub_account_id, provider_name, publisher_name, invoice_issuer_name,
  service_name, service_category, region_id, resource_id, resource_name, resource_type,
  charge_category, charge_class, pricing_category, commitment_discount_id,
  commitment_discount_status, sku_id, sku_price_details, tags, currency,
  SUM(billed_cost) AS billed_cost,
  SUM(effective_cost) AS effective_cost,
  SUM(list_cost) AS list_cost,
  SUM(contracted_cost) AS contracted_cost,
  SUM(consumed_quantity) AS consumed_quantity,
  COUNT(*) AS row_count
FROM parsed
WHERE reject_column IS NULL
GROUP BY ALL`;

/** What the file says, per billing account, billing period and currency (accepted rows). */
export const FILE_TOTALS_SQL = `
SELECT
  billing_account_id,
  strftime(billing_period_start, '%Y-%m-%d') AS billing_period_start,
  currency,
  SUM(billed_cost) AS billed_cost,
  SUM(effective_cost) AS effective_cost
FROM parsed
WHERE reject_column IS NULL
GROUP BY ALL
ORDER BY ALL`;

export const REJECTIONS_SQL = `
SELECT file_index, row_number, reject_column, reject_reason
FROM parsed
WHERE reject_column IS NOT NULL
ORDER BY file_index, row_number
LIMIT 100`;

export const COUNTS_SQL = `
SELECT COUNT(*) AS rows_read,
  COUNT(*) FILTER (WHERE reject_column IS NOT NULL) AS rows_rejected,
  strftime(MAX(day) FILTER (WHERE reject_column IS NULL), '%Y-%m-%d') AS data_through
FROM parsed`;
