import {
  AMOUNT_COLUMNS,
  FocusColumn,
  JSON_COLUMNS,
  TIMESTAMP_COLUMNS,
} from './focusColumns';
import { quoteIdentifier, quoteLiteral } from './sql';

/**
 * The queries a warehouse runs for the plugin, written for DuckDB: a cheap summary per
 * billing period (the deliveries' fingerprints) and, for a period that changed, the daily
 * facts. `docs/scaling.md` has the same daily query for BigQuery, Athena, ClickHouse and
 * Azure Data Explorer.
 */

/** The plugin's amount type: sums stay exact to 16 decimals, up to 10^22. */
export const AMOUNT_TYPE = 'DECIMAL(38,16)';

/** A relation's column as DESCRIBE names it. */
export interface SourceColumn {
  name: string;
  type: string;
}

export type MappedColumns = Map<FocusColumn, SourceColumn>;

/** Binary floating point cannot hold most cents exactly, so sums of it are not the invoice. */
const FLOAT_TYPES = /^(FLOAT|FLOAT4|REAL|DOUBLE|FLOAT8)$/i;

/** Amount columns typed as binary floats, named for the run's error message. */
export function floatAmountColumns(mapped: MappedColumns): string[] {
  return AMOUNT_COLUMNS.flatMap(column => {
    const source = mapped.get(column);
    return source && FLOAT_TYPES.test(source.type)
      ? [`${source.name} (${source.type})`]
      : [];
  });
}

const col = (mapped: MappedColumns, column: FocusColumn) =>
  quoteIdentifier(mapped.get(column)!.name);

/**
 * A timestamp column as the UTC instant it names, as a plain TIMESTAMP of UTC wall time
 * (the session's time zone is UTC): TIMESTAMPTZ, TIMESTAMP taken as UTC, DATE, or text. Text
 * in the usual FOCUS form (`2026-10-01T00:00:00Z`) goes through the plain parser, anything
 * else (an offset, a date alone) through the time-zone-aware one, which is several times
 * slower per row. Unreadable values become NULL, and the plugin rejects their rows.
 */
function utc(source: SourceColumn): string {
  const quoted = quoteIdentifier(source.name);
  if (/^(TIMESTAMP|DATE)/i.test(source.type)) {
    return `CAST(${quoted} AS TIMESTAMP)`;
  }
  return (
    `CASE WHEN ${quoted} LIKE '____-__-__T__:__:__Z' THEN TRY_CAST(${quoted} AS TIMESTAMP) ` +
    `ELSE CAST(TRY_CAST(${quoted} AS TIMESTAMPTZ) AS TIMESTAMP) END`
  );
}

/** ISO 8601 in UTC, the form the plugin's fast path parses; fractions only when there are some. */
const isoText = (expression: string) =>
  `CASE WHEN microsecond(${expression}) % 1000000 = 0 ` +
  `THEN strftime(${expression}, '%Y-%m-%dT%H:%M:%SZ') ` +
  `ELSE strftime(${expression}, '%Y-%m-%dT%H:%M:%S.%fZ') END`;

/** A key-value column as JSON text: MAP and STRUCT (Parquet, typed tables) through to_json. */
function jsonText(source: SourceColumn): string {
  const quoted = quoteIdentifier(source.name);
  return /^(MAP|STRUCT)/i.test(source.type)
    ? `CAST(to_json(${quoted}) AS VARCHAR)`
    : `CAST(${quoted} AS VARCHAR)`;
}

/** `YYYY-MM` of a row's billing period start: the delivery the row belongs to. */
export const billingMonth = (mapped: MappedColumns) =>
  `strftime(${utc(mapped.get('BillingPeriodStart')!)}, '%Y-%m')`;

/**
 * Per billing month: rows, billed and effective cost, and a sum of the rows' hashes, so any
 * edited cell changes the fingerprint while the order of rows does not. One scan of the
 * relation; rows without a readable billing period count under a NULL month.
 */
export function periodSummarySql(
  relation: string,
  mapped: MappedColumns,
): string {
  const hashed = [...mapped.values()]
    .map(c => quoteIdentifier(c.name))
    .join(', ');
  const sum = (column: FocusColumn) =>
    `CAST(SUM(TRY_CAST(${col(mapped, column)} AS ${AMOUNT_TYPE})) AS VARCHAR)`;
  return `
SELECT ${billingMonth(mapped)} AS period,
  COUNT(*) AS row_count,
  ${sum('BilledCost')} AS billed_cost,
  ${sum('EffectiveCost')} AS effective_cost,
  CAST(SUM(hash(${hashed})) AS VARCHAR) AS content_hash
FROM ${relation}
GROUP BY ALL
ORDER BY ALL`;
}

const dim = (column: FocusColumn) => quoteIdentifier(`d_${column}`);
const amount = (column: FocusColumn) => quoteIdentifier(`a_${column}`);
const unknown = (column: FocusColumn) => quoteIdentifier(`u_${column}`);

/**
 * One billing month of the relation as daily facts with FOCUS column names: charges within
 * one UTC day are summed per day and every other column the plugin keeps; a charge whose
 * period runs past its day keeps its period (the plugin spreads it over the days exactly).
 * Amounts are DECIMAL(38,16) sums; rows with an amount unknown group apart, so the sum of
 * the known ones is not passed off as the whole (and a missing cost stays missing, which the
 * plugin rejects as it would the charge). `x_SourceRows` counts the charges in each fact.
 * Timestamps are grouped as values and written as text only for the daily rows.
 */
export function dailyFactsSql(
  relation: string,
  mapped: MappedColumns,
  month: string,
): string {
  const present = [...mapped.keys()];
  const dimensions = present.filter(
    c => !AMOUNT_COLUMNS.includes(c) && !TIMESTAMP_COLUMNS.includes(c),
  );
  const amounts = present.filter(c => AMOUNT_COLUMNS.includes(c));
  const typed = [
    ...TIMESTAMP_COLUMNS.map(c => `${utc(mapped.get(c)!)} AS ${dim(c)}`),
    ...dimensions.map(c =>
      JSON_COLUMNS.includes(c)
        ? `${jsonText(mapped.get(c)!)} AS ${dim(c)}`
        : `CAST(${col(mapped, c)} AS VARCHAR) AS ${dim(c)}`,
    ),
    ...amounts.map(
      c => `TRY_CAST(${col(mapped, c)} AS ${AMOUNT_TYPE}) AS ${amount(c)}`,
    ),
  ];
  const start = dim('ChargePeriodStart');
  const end = dim('ChargePeriodEnd');
  const dayStart = `date_trunc('day', ${start})`;
  const output = (c: FocusColumn) =>
    TIMESTAMP_COLUMNS.includes(c)
      ? `${isoText(dim(c))} AS ${quoteIdentifier(c)}`
      : `${dim(c)} AS ${quoteIdentifier(c)}`;
  const grouped = [...TIMESTAMP_COLUMNS, ...dimensions];
  return `
WITH typed AS (
  SELECT ${typed.join(',\n    ')}
  FROM ${relation}
), placed AS (
  SELECT *,
    COALESCE(${end} >= ${start} AND ${end} <= ${dayStart} + INTERVAL 1 DAY, false) AS within_day
  FROM typed
  WHERE strftime(${dim('BillingPeriodStart')}, '%Y-%m') = ${quoteLiteral(month)}
), daily AS (
  SELECT * REPLACE (
      CASE WHEN within_day THEN ${dayStart} ELSE ${start} END AS ${start},
      CASE WHEN within_day THEN ${dayStart} + INTERVAL 1 DAY ELSE ${end} END AS ${end}
    )${amounts
      .map(c => `,\n    ${amount(c)} IS NULL AS ${unknown(c)}`)
      .join('')}
  FROM placed
)
SELECT ${[
    ...grouped.map(output),
    ...amounts.map(c => `SUM(${amount(c)}) AS ${quoteIdentifier(c)}`),
    `COUNT(*) AS "x_SourceRows"`,
  ].join(',\n  ')}
FROM daily
GROUP BY ${[...grouped.map(dim), ...amounts.map(unknown)].join(', ')}
ORDER BY ${dim('ChargePeriodStart')}, ${dim('BillingAccountId')}, ${dim(
    'ServiceName',
  )}`;
}
