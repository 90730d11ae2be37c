/**
 * CSV for spreadsheets. Cells are quoted as RFC 4180 asks, and cells a spreadsheet would run
 * as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading
 * apostrophe, as OWASP recommends against CSV injection: resource names and tags come from
 * cloud accounts that anyone with deploy rights can name.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet shows it, never as a formula. */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Cells that are exact decimal amounts from the backend. A negative amount such as a
 * credit (`-12.50`) stays a number: it cannot hold a formula, and an apostrophe would turn
 * it into text in the spreadsheet.
 */
export type CsvCell = string | { amount: string };

const AMOUNT = /^-?\d+(\.\d+)?$/;

function cellText(cell: CsvCell): string {
  if (typeof cell === 'string') {
    return neutraliseCsvCell(cell);
  }
  return AMOUNT.test(cell.amount)
    ? cell.amount
    : neutraliseCsvCell(cell.amount);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** A CSV document with a header row, lines ended by CRLF. */
export function buildCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows]
    .map(row => row.map(cell => quote(cellText(cell))).join(','))
    .join('\r\n')
    .concat('\r\n');
}
