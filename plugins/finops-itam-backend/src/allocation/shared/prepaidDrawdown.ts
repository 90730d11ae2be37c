import {
  formatUnits,
  parseDecimal,
  SPLIT_SCALE,
  splitAmount,
  SplitPart,
  unitsAtScale,
} from '../../money';

/** One team's usage of a prepaid commitment in the month, in the commitment's unit. @public */
export interface PrepaidUsage {
  target: string;
  quantity: string;
}

/** Input of {@link prepaidDrawdown}: one commitment, one month. @public */
export interface PrepaidDrawdownInput {
  /** What the commitment costs for the month, a decimal string. */
  amount: string;
  /** How much usage the month's commitment covers (credits, hours, seats...), above zero. */
  committedQuantity: string;
  /** Each team's usage in the month, zero or more; a team appears once. */
  usage: readonly PrepaidUsage[];
  /** Who carries the unused part (the configured pool, else the buyer's owner). */
  unusedTarget: string;
  /** Decimal places of the parts; default {@link SPLIT_SCALE}. */
  scale?: number;
}

/** The month's commitment divided into usage parts and the unused rest. @public */
export interface PrepaidDrawdownResult {
  /** One part per team of `usage`, in input order. */
  parts: SplitPart[];
  /** The cost of the commitment nobody used, for `unusedTarget`; amount "0" when all used. */
  unused: SplitPart;
  /** Share of the commitment used, `min(total usage, committed) / committed`, as text. */
  utilization: string;
}

const USED = 'used';
const UNUSED = 'unused';

/**
 * Splits a prepaid SaaS commitment shared by several teams by the month's usage.
 *
 * The month's amount is first divided between what was used and what was not, in the ratio
 * `min(usage, committed) : max(committed - usage, 0)`; the used part is then divided between
 * the teams in proportion to their usage. Both steps are exact (see `splitAmount`), so the
 * parts plus the unused part sum to `amount` exactly. Usage above the commitment only
 * changes the proportions: overage is billed by the vendor as its own charges, allocated
 * like any other cost. The unused part is reported separately even when `unusedTarget` is
 * also one of the teams, so waste stays visible in showback.
 * @public
 */
export function prepaidDrawdown(
  input: PrepaidDrawdownInput,
): PrepaidDrawdownResult {
  const scale = input.scale ?? SPLIT_SCALE;
  const { committedUnits, usedUnits, places } = parseQuantities(input);
  const coveredUnits = usedUnits < committedUnits ? usedUnits : committedUnits;

  const [used, unused] = splitAmount(
    input.amount,
    [
      { target: USED, weight: formatUnits(coveredUnits, places) },
      {
        target: UNUSED,
        weight: formatUnits(committedUnits - coveredUnits, places),
      },
    ],
    scale,
  );

  const parts =
    usedUnits === 0n
      ? input.usage.map(({ target }) => ({ target, amount: '0' }))
      : splitAmount(
          used.amount,
          input.usage.map(({ target, quantity }) => ({
            target,
            weight: quantity,
          })),
          scale,
        );
  return {
    parts,
    unused: { target: input.unusedTarget, amount: unused.amount },
    utilization: formatUtilization(coveredUnits, committedUnits),
  };
}

/** Input of {@link prepaidDrawdownSoFar}: one commitment, one month still open. @public */
export interface PrepaidDrawdownSoFarInput {
  /** The month-to-date share of the month's commitment cost (or part of it), a decimal string. */
  amount: string;
  /** How much usage the whole month's commitment covers, above zero. */
  committedQuantity: string;
  /** Each team's usage so far in the month, zero or more; a team appears once. */
  usage: readonly PrepaidUsage[];
  /** How far the month has gone. */
  monthToDate: MonthToDate;
  /** Decimal places of the parts; default {@link SPLIT_SCALE}. */
  scale?: number;
}

/** How far an open month has gone, in complete days. @public */
export interface MonthToDate {
  /** Complete days of the month so far, 1 to `daysInMonth - 1`. */
  elapsedDays: number;
  daysInMonth: number;
}

/** An open month's share of the commitment divided by usage so far. @public */
export interface PrepaidDrawdownSoFarResult {
  /** One part per team of `usage`, in input order, summing to `amount`; all zero when nobody used anything yet. */
  parts: SplitPart[];
  /**
   * Usage so far against the month-to-date share of the commitment,
   * `min(usage, committed × elapsed / days) / (committed × elapsed / days)`, as text.
   */
  utilization: string;
}

/**
 * Splits the month-to-date share of a prepaid commitment in a month that is still open.
 *
 * The whole `amount` goes to the teams in proportion to their usage so far, however far
 * usage is behind the month's pace: the rest of the month may catch up, so nothing is
 * called unused before the month closes (then {@link prepaidDrawdown} splits the month).
 * When nobody has used anything yet, every part is zero and the amount is not split.
 * @public
 */
export function prepaidDrawdownSoFar(
  input: PrepaidDrawdownSoFarInput,
): PrepaidDrawdownSoFarResult {
  const { elapsedDays, daysInMonth } = input.monthToDate;
  if (
    !Number.isInteger(elapsedDays) ||
    !Number.isInteger(daysInMonth) ||
    elapsedDays < 1 ||
    elapsedDays >= daysInMonth
  ) {
    throw new RangeError(
      `monthToDate must have 1 to daysInMonth - 1 elapsed days, got ${elapsedDays} of ${daysInMonth}`,
    );
  }
  const { committedUnits, usedUnits } = parseQuantities(input);
  const parts =
    usedUnits === 0n
      ? input.usage.map(({ target }) => ({ target, amount: '0' }))
      : splitAmount(
          input.amount,
          input.usage.map(({ target, quantity }) => ({
            target,
            weight: quantity,
          })),
          input.scale ?? SPLIT_SCALE,
        );
  // usage / (committed × elapsed / days) = (usage × days) / (committed × elapsed), exactly.
  const due = committedUnits * BigInt(elapsedDays);
  const used = usedUnits * BigInt(daysInMonth);
  return {
    parts,
    utilization: formatUtilization(used < due ? used : due, due),
  };
}

/** The committed quantity and the summed usage as integer units on one common scale. */
function parseQuantities(input: {
  committedQuantity: string;
  usage: readonly PrepaidUsage[];
}): { committedUnits: bigint; usedUnits: bigint; places: number } {
  const committed = parseDecimal(input.committedQuantity, 'committedQuantity');
  if (committed.units <= 0n) {
    throw new RangeError(
      `committedQuantity must be above zero, got ${input.committedQuantity}`,
    );
  }
  const seen = new Set<string>();
  const quantities = input.usage.map(({ target, quantity }) => {
    if (seen.has(target)) {
      throw new RangeError(
        `usage of "${target}" is given twice; sum it into one entry`,
      );
    }
    seen.add(target);
    const parsed = parseDecimal(quantity, `usage of "${target}"`);
    if (parsed.units < 0n) {
      throw new RangeError(
        `usage of "${target}" is negative (${quantity}); usage must be zero or more`,
      );
    }
    return parsed;
  });
  const places = Math.max(committed.places, ...quantities.map(q => q.places));
  return {
    places,
    committedUnits: unitsAtScale(committed, places),
    usedUnits: quantities.reduce((sum, q) => sum + unitsAtScale(q, places), 0n),
  };
}

// Six decimals of a ratio are plenty for display; the money itself is split exactly above.
function formatUtilization(covered: bigint, committed: bigint): string {
  const millionths = (covered * 1_000_000n) / committed;
  return formatUnits(millionths, 6);
}
