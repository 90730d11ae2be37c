/**
 * Exact money: decimal amounts never pass through binary floats, sums and splits are exact,
 * and totals are kept per currency (nothing here converts between currencies).
 */
export { Money, normalizeAmount, sumAmounts } from './Money';
export type { MoneyValue } from './Money';
export { ExactSum, trimDecimal } from './ExactSum';
export { SumMap } from './SumMap';
export { mainCurrency } from './mainCurrency';
export {
  SPLIT_SCALE,
  ZeroWeightError,
  splitAmount,
  splitEvenly,
} from './splitAmount';
export type { SplitPart, SplitShare } from './splitAmount';
export { formatUnits, parseDecimal, unitsAtScale } from './decimalUnits';
export type { ParsedDecimal } from './decimalUnits';
