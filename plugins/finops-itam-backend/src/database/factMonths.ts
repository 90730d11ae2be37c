import { Knex } from 'knex';
import { nextMonthStart } from '../shared/months';

/**
 * Every calendar month from the first to the last day of the stored facts, as
 * `{ from: 'YYYY-MM-01', to: <first day of the next month> }`. SQLite rebuilds go month by
 * month so that memory holds one month of sums however many facts there are (all at once,
 * 2M facts × 5 ancestors exhausted a 4 GB heap).
 */
export async function factMonths(
  db: Knex,
): Promise<Array<{ month: string; from: string; to: string }>> {
  const bounds = await db('finops_itam_cost_facts')
    .min({ first: 'day' })
    .max({ last: 'day' })
    .first();
  if (!bounds?.first) return [];
  const out: Array<{ month: string; from: string; to: string }> = [];
  const last = String(bounds.last).slice(0, 7);
  for (let month = String(bounds.first).slice(0, 7); month <= last; ) {
    const to = nextMonthStart(month);
    out.push({ month, from: `${month}-01`, to });
    month = to.slice(0, 7);
  }
  return out;
}
