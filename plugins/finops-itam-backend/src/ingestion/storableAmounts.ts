import { Money } from '../money';
import { FileRejectedError } from './errors';
import type { FocusFile } from './FocusFileReader';

/**
 * Largest magnitude a sum may reach: numeric(38,16) keeps 22 whole digits (PostgreSQL refuses
 * more, SQLite would store it), and DuckDB's DECIMAL(38) sums overflow a little past it, with
 * an "Out of Range" error when grouped and a silent wrap around to a negative sum otherwise.
 */
const STORABLE_AMOUNT_LIMIT = new Money('1e22');

/**
 * Any sum of a delivery is at most its rows times its largest amount; when that bound
 * reaches what can be stored, the sums cannot be trusted, so the delivery is refused.
 */
export function rejectSumsPastStorableAmount(
  files: FocusFile[],
  rowsRead: number,
  largest: string,
) {
  if (new Money(largest).times(rowsRead).lt(STORABLE_AMOUNT_LIMIT)) return;
  throw new FileRejectedError(
    `${files.map(f => f.key).join(', ')} has amounts as large as ${new Money(
      largest,
    ).toFixed()} ` +
      `over ${rowsRead} rows: their sums could pass 10^22, the largest amount stored`,
  );
}
