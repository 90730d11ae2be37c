import { DateTime } from 'luxon';
import { Money, MoneyValue } from '../money';
import { SaasContractConfig } from './SaasContractConfig';

/** What the drawdown needs of a contract. */
export type DrawdownTerms = Pick<
  SaasContractConfig,
  | 'kind'
  | 'currency'
  | 'start'
  | 'end'
  | 'committed'
  | 'contractedMonthlyRunRate'
>;

export type DrawdownStatus =
  | 'ok'
  | 'warning'
  | 'exhausted'
  | 'not-started'
  | 'ended';

export interface DrawdownMonth {
  /** `YYYY-MM`. */
  month: string;
  consumed: string;
  /** Prepaid balance after the month; null for consumption-based contracts. */
  remaining: string | null;
}

export interface Drawdown {
  consumedToDate: string;
  remaining: string | null;
  recentMonthlyRunRate: string | null;
  projectedExhaustion: string | null;
  status: DrawdownStatus;
  message: string;
  months: DrawdownMonth[];
}

/** Full months whose average is the recent run rate. */
export const RUN_RATE_MONTHS = 3;

/**
 * Decimal places of the run rate: the average of three months rarely terminates. Ten keep
 * sub-cent consumption exact enough; the projection itself uses the unrounded rate.
 */
const RATE_DECIMALS = 10;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const isoDay = (date: DateTime) => date.toISODate()!;
const shown = (amount: MoneyValue, currency: string) =>
  `${amount.toDecimalPlaces(2).toFixed(2)} ${currency}`;

/**
 * The days whose consumption counts at `asOf`: from the start up to the earlier of the end
 * and the day before `asOf` (`asOf` itself has not happened yet), as a half-open range;
 * null before the contract starts.
 */
export function consumptionWindow(
  terms: Pick<DrawdownTerms, 'start' | 'end'>,
  asOf: string,
): { from: string; to: string } | null {
  const afterEnd = isoDay(day(terms.end).plus({ days: 1 }));
  const to = asOf < afterEnd ? asOf : afterEnd;
  return terms.start < to ? { from: terms.start, to } : null;
}

interface MonthSpan {
  month: string;
  /** Whether the window covers every day of the month. */
  full: boolean;
  days: number;
}

function monthsOf(window: { from: string; to: string }): MonthSpan[] {
  const spans: MonthSpan[] = [];
  const last = day(window.to).minus({ days: 1 }).startOf('month');
  for (
    let month = day(window.from).startOf('month');
    month <= last;
    month = month.plus({ months: 1 })
  ) {
    const next = month.plus({ months: 1 });
    spans.push({
      month: month.toFormat('yyyy-MM'),
      full: isoDay(month) >= window.from && isoDay(next) <= window.to,
      days: month.daysInMonth!,
    });
  }
  return spans;
}

interface RunRate {
  monthly: MoneyValue;
  daily: MoneyValue;
  months: number;
}

/** The average of the latest full months (up to three); null when no month is full yet. */
function recentRunRate(
  spans: MonthSpan[],
  consumed: (month: string) => MoneyValue,
): RunRate | null {
  const recent = spans.filter(s => s.full).slice(-RUN_RATE_MONTHS);
  if (recent.length === 0) return null;
  const total = recent.reduce(
    (sum, s) => sum.plus(consumed(s.month)),
    new Money(0),
  );
  const days = recent.reduce((sum, s) => sum + s.days, 0);
  return {
    monthly: total.div(recent.length),
    daily: total.div(days),
    months: recent.length,
  };
}

function rateWords(rate: RunRate, currency: string): string {
  const months =
    rate.months === 1
      ? 'the last full month'
      : `the last ${rate.months} full months`;
  return `${shown(rate.monthly, currency)} a month (${months})`;
}

/**
 * A SaaS contract at `asOf`: the monthly drawdown from its start, the prepaid balance, the
 * run rate of the latest full months, and for prepaid contracts the day the balance runs
 * out at that rate. `consumedByMonth` holds the contract currency's consumption per month
 * over {@link consumptionWindow} only.
 *
 * Status, first that applies: `not-started` before the start; `ended` after the end;
 * `exhausted` when a prepaid balance is 0 or less; `warning` when a prepaid balance runs
 * out before the end at the recent rate, or a consumption-based contract's recent rate
 * exceeds the contracted one; otherwise `ok`.
 */
export function drawdown(
  terms: DrawdownTerms,
  consumedByMonth: ReadonlyMap<string, string>,
  asOf: string,
): Drawdown {
  const { currency } = terms;
  const prepaid = terms.kind === 'prepaid';
  const committed = prepaid ? new Money(terms.committed!) : null;
  const window = consumptionWindow(terms, asOf);
  const spans = window ? monthsOf(window) : [];
  const consumed = (month: string) =>
    new Money(consumedByMonth.get(month) ?? 0);

  let toDate = new Money(0);
  let exhaustedIn: string | null = null;
  const months = spans.map(({ month }) => {
    toDate = toDate.plus(consumed(month));
    const left = committed ? committed.minus(toDate) : null;
    if (left && left.lte(0) && !exhaustedIn) exhaustedIn = month;
    return {
      month,
      consumed: consumed(month).toFixed(),
      remaining: left ? left.toFixed() : null,
    };
  });
  const remaining = committed ? committed.minus(toDate) : null;
  const rate = recentRunRate(spans, consumed);
  const base = {
    consumedToDate: toDate.toFixed(),
    remaining: remaining ? remaining.toFixed() : null,
    recentMonthlyRunRate: rate
      ? rate.monthly.toDecimalPlaces(RATE_DECIMALS).toFixed()
      : null,
    projectedExhaustion: null,
    months,
  };

  if (asOf < terms.start) {
    return {
      ...base,
      status: 'not-started',
      message: `Starts on ${terms.start}; nothing is drawn down before.`,
    };
  }
  if (asOf > terms.end) {
    let left = '';
    if (remaining) {
      left = `; ${shown(committed!, currency)} prepaid, ${shown(
        remaining.abs(),
        currency,
      )} ${remaining.gte(0) ? 'left unused' : 'consumed beyond them'}`;
    }
    return {
      ...base,
      status: 'ended',
      message: `Ended on ${terms.end}${left}.`,
    };
  }
  if (prepaid)
    return prepaidStatus(terms, base, remaining!, rate, exhaustedIn, asOf);
  return consumptionStatus(terms, base, rate);
}

function prepaidStatus(
  terms: DrawdownTerms,
  base: Omit<Drawdown, 'status' | 'message'>,
  remaining: MoneyValue,
  rate: RunRate | null,
  exhaustedIn: string | null,
  asOf: string,
): Drawdown {
  const { currency } = terms;
  if (remaining.lte(0)) {
    return {
      ...base,
      status: 'exhausted',
      message: `The ${shown(
        new Money(terms.committed!),
        currency,
      )} prepaid were used up in ${exhaustedIn}; ${shown(
        remaining.neg(),
        currency,
      )} consumed beyond them.`,
    };
  }
  if (!rate) {
    return {
      ...base,
      status: 'ok',
      message: `${shown(
        remaining,
        currency,
      )} left; no full month of consumption yet to project from.`,
    };
  }
  if (rate.daily.lte(0)) {
    return {
      ...base,
      status: 'ok',
      message: `${shown(remaining, currency)} left; nothing consumed in ${
        rate.months === 1
          ? 'the last full month'
          : `the last ${rate.months} full months`
      }, so no exhaustion is projected.`,
    };
  }
  // The balance at the start of `asOf` lasts whole days at the daily rate; it runs out on
  // the day whose consumption reaches it.
  const days = remaining.div(rate.daily).ceil().toNumber();
  const runsOut = isoDay(day(asOf).plus({ days: days - 1 }));
  if (runsOut <= terms.end) {
    return {
      ...base,
      projectedExhaustion: runsOut,
      status: 'warning',
      message: `At ${rateWords(rate, currency)} the ${shown(
        remaining,
        currency,
      )} left run out on ${runsOut}, before the contract ends on ${terms.end}.`,
    };
  }
  return {
    ...base,
    status: 'ok',
    message: `At ${rateWords(rate, currency)} the ${shown(
      remaining,
      currency,
    )} left last past the end on ${terms.end}.`,
  };
}

function consumptionStatus(
  terms: DrawdownTerms,
  base: Omit<Drawdown, 'status' | 'message'>,
  rate: RunRate | null,
): Drawdown {
  const { currency } = terms;
  const contracted = new Money(terms.contractedMonthlyRunRate!);
  if (!rate) {
    return {
      ...base,
      status: 'ok',
      message: `No full month of consumption yet to compare with the contracted ${shown(
        contracted,
        currency,
      )} a month.`,
    };
  }
  if (rate.monthly.gt(contracted)) {
    const over = rate.monthly.minus(contracted).div(contracted).times(100);
    return {
      ...base,
      status: 'warning',
      message: `Consumption of ${rateWords(
        rate,
        currency,
      )} exceeds the contracted ${shown(contracted, currency)} a month by ${over
        .toDecimalPlaces(1)
        .toFixed(1)} %.`,
    };
  }
  return {
    ...base,
    status: 'ok',
    message: `Consumption of ${rateWords(
      rate,
      currency,
    )} is within the contracted ${shown(contracted, currency)} a month.`,
  };
}
