/**
 * RFC 4180 CSV for spreadsheet users. Text cells that a spreadsheet would read as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`, so a cost
 * center named `=HYPERLINK(...)` is shown, never evaluated. Amounts are written as plain
 * numbers and left alone: `-12.5` is a credit, not a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A cell of a CSV line: text, or a decimal amount written as a number. */
export type CsvCell = { text: string } | { amount: string };

function quote(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Encodes a text cell: neutralised against formula injection, then quoted when needed. */
export function csvText(value: string): string {
  return quote(FORMULA_START.test(value) ? `'${value}` : value);
}

/** Encodes a decimal amount unquoted; anything that is not a plain decimal is treated as text. */
export function csvAmount(value: string): string {
  return DECIMAL.test(value) ? value : csvText(value);
}

/** A whole CSV document: one line per row, CRLF line ends as RFC 4180 has them. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly CsvCell[]>,
): string {
  const lines = [
    header.map(csvText).join(','),
    ...rows.map(row =>
      row
        .map(cell =>
          'amount' in cell ? csvAmount(cell.amount) : csvText(cell.text),
        )
        .join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
