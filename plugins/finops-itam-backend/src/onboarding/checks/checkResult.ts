import {
  OnboardingCheck,
  OnboardingCheckId,
} from '@finops-itam/plugin-finops-itam-common';

/** A passing check: nothing to fix. */
export const passed = (
  id: OnboardingCheckId,
  message: string,
  details: string[],
): OnboardingCheck => ({ id, status: 'pass', message, fix: null, details });

/** A check that does not block, but says what would make it pass. */
export const warned = (
  id: OnboardingCheckId,
  message: string,
  fix: string,
  details: string[],
): OnboardingCheck => ({ id, status: 'warn', message, fix, details });

/** A check that fails, with what would make it pass. */
export const failed = (
  id: OnboardingCheckId,
  message: string,
  fix: string,
  details: string[],
): OnboardingCheck => ({ id, status: 'fail', message, fix, details });

/** `1 thing`, `3 things`. */
export const plural = (n: number | string, word: string, many = `${word}s`) =>
  `${n} ${Number(n) === 1 ? word : many}`;

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
