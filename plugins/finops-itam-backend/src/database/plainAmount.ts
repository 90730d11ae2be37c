import { normalizeAmount } from '../money';

/** A plain decimal as DuckDB prints one: optional minus, digits, optional fraction. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * `normalizeAmount` for the amounts of a fact: the same text, without building a decimal
 * object per amount when the value is already plain (`12.5000000000000000` → `12.5`), which
 * is how DuckDB prints every one of them. Anything else (exponents, a zero that could keep
 * its sign) takes the exact general path.
 */
export function plainAmount(value: string): string {
  if (!PLAIN_DECIMAL.test(value)) return normalizeAmount(value);
  let text = value;
  if (text.includes('.')) {
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48 /* 0 */) end--;
    if (text.charCodeAt(end - 1) === 46 /* . */) end--;
    text = text.slice(0, end);
  }
  return text === '0' || text === '-0' ? normalizeAmount(value) : text;
}
