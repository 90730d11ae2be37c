/** A cell as CSV text: timestamps in ISO 8601, JSON for objects (FOCUS `Tags`), empty for null. */
function cell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * FOCUS rows as CSV text, a line at a time, so a period of millions of rows is streamed to
 * the plugin rather than held in memory. The header is the first row's columns, named as
 * the table names them: a table whose columns are FOCUS column names gives a FOCUS file.
 */
export async function* rowsToCsv(
  rows: AsyncIterable<Record<string, unknown>>,
): AsyncGenerator<string> {
  let columns: string[] | undefined;
  for await (const row of rows) {
    if (!columns) {
      columns = Object.keys(row);
      yield `${columns.map(cell).join(',')}\n`;
    }
    yield `${columns.map(column => cell(row[column])).join(',')}\n`;
  }
}
