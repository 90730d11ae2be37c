/**
 * Rows for a bulk path: all at once, or batch by batch as a reader produces them, so a
 * large delivery (hundreds of thousands of facts) never has to sit in memory whole.
 */
export type RowBatches<R> = readonly R[] | AsyncIterable<readonly R[]>;

/** The non-empty batches of `rows`, an array being one batch. */
export async function* eachBatch<R>(
  rows: RowBatches<R>,
): AsyncGenerator<readonly R[]> {
  if (isArray(rows)) {
    if (rows.length > 0) yield rows;
    return;
  }
  for await (const batch of rows) {
    if (batch.length > 0) yield batch;
  }
}

/** `f` applied to every row, batch by batch, as the batches are consumed. */
export async function* mapBatches<R, T>(
  rows: RowBatches<R>,
  f: (row: R) => T,
): AsyncGenerator<readonly T[]> {
  for await (const batch of eachBatch(rows)) yield batch.map(f);
}

function isArray<R>(rows: RowBatches<R>): rows is readonly R[] {
  return Array.isArray(rows);
}
