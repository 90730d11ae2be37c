import {
  formatUnits,
  parseDecimal,
  SPLIT_SCALE,
  splitAmount,
  unitsAtScale,
} from '../../money';

/**
 * Where a calendar month of a prepaid commitment stands on a given day: `closed` once its
 * last day is over (usage is final, so what nobody used can be called unused), `open` while
 * it runs (only the month-to-date share of the commitment is split, by usage so far), or
 * `not-begun` when none of its days is over yet (nothing is split).
 * @public
 */
export type PrepaidMonthState =
  | { state: 'closed' }
  | {
      state: 'open';
      /** Days of the month that are over, 1 to `daysInMonth - 1`. */
      elapsedDays: number;
      daysInMonth: number;
      /** The last day that is over, `YYYY-MM-DD`: the month-to-date end, inclusive. */
      through: string;
    }
  | { state: 'not-begun' };

/**
 * The last complete UTC day at `now`, `YYYY-MM-DD`: the day before today. Today is not over,
 * so neither its usage nor its share of a commitment is counted yet.
 * @public
 */
export function lastCompleteDay(now: Date): string {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  return new Date(today - 86_400_000).toISOString().slice(0, 10);
}

function daysIn(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

/** Where `month` (`YYYY-MM`) stands when `through` (`YYYY-MM-DD`) is the last complete day. @public */
export function prepaidMonthState(
  month: string,
  through: string,
): PrepaidMonthState {
  const throughMonth = through.slice(0, 7);
  if (throughMonth < month) {
    return { state: 'not-begun' };
  }
  const daysInMonth = daysIn(month);
  const elapsedDays = Number(through.slice(8, 10));
  if (throughMonth > month || elapsedDays === daysInMonth) {
    return { state: 'closed' };
  }
  return { state: 'open', elapsedDays, daysInMonth, through };
}

/** One day's amount of a pool, a decimal string. @public */
export interface DayAmount {
  day: string;
  amount: string;
}

/** What of an open month's charges is split now. @public */
export interface MonthToDateDraw {
  /** The month's charges × elapsed days / days in the month, exactly at the scale. */
  share: string;
  /**
   * The amount of each complete day's charges that is split now, in input order; days
   * after `through` are absent. They sum to `share`, or to every complete day's charges
   * when those are less than `share` (charged later than time passes).
   */
  drawn: DayAmount[];
  /** The month's charges not split yet: the month's total minus `drawn`. */
  waiting: string;
}

const sum = (units: bigint[]) => units.reduce((a, b) => a + b, 0n);

/**
 * The month-to-date part of an open month's prepaid charges (one currency, one cost basis).
 *
 * A month's commitment is used up as the month passes, whatever day the vendor charged it
 * on: by the end of day 10 of 30, a third of it is due, however it is charged. So the
 * share due is the month's charges × elapsed / days in month, rounded exactly at `scale`
 * (see `splitAmount`). It is taken from the charges of the complete days in proportion to
 * them, so it stays on the days it was charged: all of an upfront charge's day 1 carries a
 * third of it; a commitment charged day by day has its complete days split in full, and
 * the days to come wait. The rest waits for the month to go on or close.
 * @public
 */
export function monthToDateDraw(
  days: readonly DayAmount[],
  open: { elapsedDays: number; daysInMonth: number; through: string },
  scale: number = SPLIT_SCALE,
): MonthToDateDraw {
  const units = days.map(d =>
    unitsAtScale(parseDecimal(d.amount, `amount of ${d.day}`), scale),
  );
  const total = formatUnits(sum(units), scale);
  const [share] = splitAmount(
    total,
    [
      { target: 'elapsed', weight: String(open.elapsedDays) },
      {
        target: 'to come',
        weight: String(open.daysInMonth - open.elapsedDays),
      },
    ],
    scale,
  );
  const shareUnits = unitsAtScale(parseDecimal(share.amount), scale);
  const complete = days
    .map((d, i) => ({ day: d.day, units: units[i] }))
    .filter(d => d.day <= open.through);
  const charged = sum(complete.map(d => d.units));
  const abs = (x: bigint) => (x < 0n ? -x : x);
  // Take the share from the complete days only when it is less than what they charged and
  // of the same sign as each of them (a refund among them gives no proportion to go by).
  const proportional =
    shareUnits !== 0n &&
    abs(shareUnits) < abs(charged) &&
    complete.every(d => d.units === 0n || d.units > 0n === shareUnits > 0n);
  const drawn = proportional
    ? splitAmount(
        share.amount,
        complete.map(d => ({
          target: d.day,
          weight: formatUnits(abs(d.units), scale),
        })),
        scale,
      ).map(part => ({ day: part.target, amount: part.amount }))
    : complete.map(d => ({ day: d.day, amount: formatUnits(d.units, scale) }));
  const drawnUnits = proportional ? shareUnits : charged;
  return {
    share: share.amount,
    drawn,
    waiting: formatUnits(sum(units) - drawnUnits, scale),
  };
}
