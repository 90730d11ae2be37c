import {
  Money,
  parseDecimal,
  SPLIT_SCALE,
  splitAmount,
  splitEvenly,
  SplitPart,
  SplitShare,
  sumAmounts,
} from '../../money';
import {
  MonthToDate,
  prepaidDrawdown,
  prepaidDrawdownSoFar,
} from './prepaidDrawdown';

/** How a shared-cost pool is divided between its targets. @public */
export type SplitMethod =
  | 'even'
  | 'proportional'
  | 'fixed'
  | 'metric'
  | 'prepaid';

/** Input of {@link splitPool}. Keys of the maps are target ids exactly as in `targets`. @public */
export interface SplitPoolInput {
  /** The pool's cost for one day and currency, a decimal string (negative for credits). */
  amount: string;
  method: SplitMethod;
  /** The targets the pool is split between (entity refs), each once. */
  targets: readonly string[];
  /**
   * For `proportional`: each target's directly allocated cost for the same day, currency
   * and cost basis as `amount`. Missing targets count as zero.
   */
  directCostByTarget?: Readonly<Record<string, string>>;
  /** For `fixed`: percentages that sum to exactly 100. */
  fixedWeights?: Readonly<Record<string, string>>;
  /**
   * For `metric`: each target's value of the pool's business metric. For `prepaid`: each
   * target's usage of the commitment in the day's month, in the unit of `committedQuantity`.
   * Missing = zero.
   */
  metricByTarget?: Readonly<Record<string, string>>;
  /** For `prepaid` (required): the usage the month's commitment covers, above zero. */
  committedQuantity?: string;
  /**
   * For `prepaid` (required unless `monthToDate`): who carries the unused part of the
   * commitment. It may be one of `targets`; its unused part is then added to its usage part.
   */
  unusedTarget?: string;
  /**
   * For `prepaid`, while the month is open: `amount` is (part of) the month-to-date share
   * of the commitment and `metricByTarget` the usage so far. It is split by usage alone;
   * nothing is unused before the month closes.
   */
  monthToDate?: MonthToDate;
  /** Decimal places of the parts; default {@link SPLIT_SCALE}. */
  scale?: number;
}

/** The parts of a pool, and why the configured method was not applied as is, if so. @public */
export interface SplitPoolResult {
  parts: SplitPart[];
  /** Set when the split departed from the configured method, e.g. fell back to even. */
  fallback?: string;
  /**
   * For `prepaid`: the unused part (already in `parts`) and the share of the commitment
   * used, so waste stays reportable even when the unused part was merged into a target's.
   * In an open month (`monthToDate`) there is no unused part yet, utilization compares the
   * usage so far with the month-to-date share of the commitment, and `waiting` is the
   * amount not split because nobody has used the commitment yet ("0" otherwise).
   */
  prepaid?: {
    unused?: SplitPart;
    utilization: string;
    monthToDate?: MonthToDate;
    waiting?: string;
  };
}

function sign(value: string, what?: string): -1 | 0 | 1 {
  const { units } = parseDecimal(value, what);
  if (units === 0n) {
    return 0;
  }
  return units < 0n ? -1 : 1;
}

function listed(targets: string[]): string {
  return [...targets].sort().join(', ');
}

function even(input: SplitPoolInput, fallback: string): SplitPoolResult {
  return {
    parts: splitEvenly(input.amount, input.targets, input.scale),
    fallback: `${fallback}; split evenly`,
  };
}

function byWeights(input: SplitPoolInput, shares: SplitShare[]): SplitPart[] {
  return splitAmount(input.amount, shares, input.scale ?? SPLIT_SCALE);
}

function proportional(input: SplitPoolInput): SplitPoolResult {
  const costs = input.targets.map(target => ({
    target,
    weight: input.directCostByTarget?.[target] ?? '0',
  }));
  const signs = costs.map(c => sign(c.weight, `direct cost of "${c.target}"`));
  if (signs.every(s => s === 0)) {
    return even(input, 'no target has direct cost to be proportional to');
  }
  if (signs.includes(1) && signs.includes(-1)) {
    // Weights of both signs would give parts larger than the pool with opposite signs.
    const negatives = costs.filter((_, i) => signs[i] < 0).map(c => c.target);
    return even(
      input,
      `direct costs have mixed signs (negative for ${listed(negatives)})`,
    );
  }
  // All credits: their magnitudes are the proportions.
  const shares = signs.includes(-1)
    ? costs.map(c => ({
        target: c.target,
        weight: new Money(c.weight).neg().toFixed(),
      }))
    : costs;
  return { parts: byWeights(input, shares) };
}

function metric(input: SplitPoolInput): SplitPoolResult {
  const values = input.targets.map(target => ({
    target,
    weight: input.metricByTarget?.[target] ?? '0',
  }));
  const signs = values.map(v => sign(v.weight, `metric of "${v.target}"`));
  const negatives = values.filter((_, i) => signs[i] < 0).map(v => v.target);
  if (negatives.length > 0) {
    return even(input, `metric is negative for ${listed(negatives)}`);
  }
  if (signs.every(s => s === 0)) {
    return even(input, 'no target has a metric value above zero');
  }
  return { parts: byWeights(input, values) };
}

/**
 * A prepaid commitment by the month's usage (see `prepaidDrawdown`): one part per target,
 * then one for `unusedTarget` unless it is a target, in which case its unused part is added
 * to its usage part so each target appears once. Nobody using the commitment is not a
 * fallback: the whole amount is unused. The caller passes the month's usage for every day
 * of the month, so each day is split in the same ratios, and each day's parts sum exactly.
 *
 * In an open month (`monthToDate`) the parts are the targets' only, by usage so far; when
 * nobody has used anything yet they are all zero and the amount is `waiting`.
 */
function prepaid(input: SplitPoolInput): SplitPoolResult {
  const { amount, committedQuantity, unusedTarget, scale, monthToDate } = input;
  const missing = () =>
    new TypeError('method prepaid needs committedQuantity and unusedTarget');
  // An open month has no unused part yet, so nobody needs to be named to carry it.
  if (
    committedQuantity === undefined ||
    (unusedTarget === undefined && !monthToDate)
  ) {
    throw missing();
  }
  const values = input.targets.map(target => ({
    target,
    quantity: input.metricByTarget?.[target] ?? '0',
  }));
  const negatives = values
    .filter(v => sign(v.quantity, `usage of "${v.target}"`) < 0)
    .map(v => v.target);
  // Ingestion refuses negative metric values. Should one get through, that target used
  // nothing: the others' usage still says how the commitment was drawn down, which an
  // even split (the metric method's answer) would throw away.
  const usage = values.map(v =>
    negatives.includes(v.target) ? { target: v.target, quantity: '0' } : v,
  );
  const negativeNote = negatives.length > 0 && {
    fallback: `usage is negative for ${listed(negatives)}; counted as zero`,
  };
  if (monthToDate) {
    const soFar = prepaidDrawdownSoFar({
      amount,
      committedQuantity,
      usage,
      monthToDate,
      scale,
    });
    const nobody = usage.every(u => sign(u.quantity) === 0);
    return {
      parts: soFar.parts,
      ...negativeNote,
      prepaid: {
        utilization: soFar.utilization,
        monthToDate,
        waiting: nobody ? new Money(amount).toFixed() : '0',
      },
    };
  }
  if (unusedTarget === undefined) {
    throw missing();
  }
  const drawdown = prepaidDrawdown({
    amount,
    committedQuantity,
    usage,
    unusedTarget,
    scale,
  });
  const { unused, utilization } = drawdown;
  const merged = input.targets.includes(unused.target);
  const parts = drawdown.parts.map(part =>
    merged && part.target === unused.target
      ? // Both are exact at the parts' scale, and so is their sum.
        {
          target: part.target,
          amount: sumAmounts([part.amount, unused.amount]),
        }
      : part,
  );
  return {
    parts: merged ? parts : [...parts, unused],
    ...negativeNote,
    prepaid: { unused, utilization },
  };
}

function fixed(input: SplitPoolInput): SplitPoolResult {
  const weights = input.fixedWeights ?? {};
  let total = new Money(0);
  for (const [ref, weight] of Object.entries(weights)) {
    if (sign(weight, `fixed weight of "${ref}"`) < 0) {
      throw new RangeError(
        `fixed weight of "${ref}" is negative (${weight}); percentages must be zero or more`,
      );
    }
    total = total.plus(weight);
  }
  if (!total.eq(100)) {
    throw new RangeError(
      `fixed weights must sum to 100, got ${total.toFixed()}`,
    );
  }
  const targets = new Set(input.targets);
  const absent = Object.keys(weights).filter(
    ref => !targets.has(ref) && sign(weights[ref]) !== 0,
  );
  const unweighted = input.targets.filter(t => weights[t] === undefined);
  const shares = input.targets.map(target => ({
    target,
    weight: weights[target] ?? '0',
  }));
  if (shares.every(s => sign(s.weight) === 0)) {
    return even(input, 'no target has a fixed weight above zero');
  }
  // A weighted entity that is no longer a target (deleted, renamed) must not take its
  // percentage with it: the pool is shared by the others in their fixed proportions.
  const notes = [
    absent.length > 0 &&
      `weighted ${listed(
        absent,
      )} not among the targets; their percentage is shared ` +
        'by the others in proportion to their weights',
    unweighted.length > 0 &&
      `no fixed weight for ${listed(unweighted)}, who get nothing`,
  ].filter((note): note is string => Boolean(note));
  return {
    parts: byWeights(input, shares),
    ...(notes.length > 0 ? { fallback: notes.join('; ') } : {}),
  };
}

/**
 * Splits one day's cost of a shared pool between its targets by the pool's method. The
 * parts always sum to `amount` exactly (see `splitAmount` for the rounding rule); when the
 * method has nothing to go by (no direct cost, no metric, mixed signs), the pool is split
 * evenly and `fallback` says why, so the cost is never lost or left unexplained.
 *
 * For `prepaid` the parts are the targets' then, unless it is a target, `unusedTarget`'s;
 * in an open month (`monthToDate`) the targets' only, and when nobody has used the
 * commitment yet they are all zero: the amount waits (`prepaid.waiting`), the one case
 * where the parts do not sum to `amount`.
 *
 * Throws when `targets` is empty (the caller keeps the pool unallocated) or repeats a
 * target, for `fixed` when the weights do not sum to 100, and for `prepaid` without a
 * `committedQuantity` above zero or without `unusedTarget`.
 * @public
 */
export function splitPool(input: SplitPoolInput): SplitPoolResult {
  if (input.targets.length === 0) {
    throw new RangeError('A shared-cost pool needs at least one target');
  }
  switch (input.method) {
    case 'even':
      return { parts: splitEvenly(input.amount, input.targets, input.scale) };
    case 'proportional':
      return proportional(input);
    case 'fixed':
      return fixed(input);
    case 'metric':
      return metric(input);
    case 'prepaid':
      return prepaid(input);
    default:
      throw new TypeError(`Unknown split method "${input.method as string}"`);
  }
}
