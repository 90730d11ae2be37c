import { InputError } from '@backstage/errors';
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest period one request may ask for. */
const MAX_DAYS = 732;

const day = z
  .string()
  .regex(DAY, 'must be a date like 2026-11-01')
  .refine(value => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a valid date');

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function addDays(value: string, days: number): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** `from`, `to` and `basis` of a cost query; the default period is the 30 days ending yesterday. */
export const periodQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  basis: z.enum(['amortized', 'billed']).default('amortized'),
});

/** Parses a query with `schema`, answering 400 with every problem at once. */
export function parseQuery<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map(
      issue => `${issue.path.join('.') || 'query'} ${issue.message}`,
    );
    throw new InputError(`Invalid query: ${issues.join('; ')}`);
  }
  return result.data;
}

/** Fills in the default half-open period `[to − 30 days, to)` with `to` today, and checks it. */
export function resolvePeriod(
  query: { from?: string; to?: string },
  now: Date = new Date(),
): { from: string; to: string } {
  const to = query.to ?? isoDay(now);
  const from = query.from ?? addDays(to, -30);
  if (from >= to) {
    throw new InputError(`Invalid query: from (${from}) must be before to (${to}); periods are [from, to)`);
  }
  if (addDays(from, MAX_DAYS) < to) {
    throw new InputError(`Invalid query: a period may span at most ${MAX_DAYS} days`);
  }
  return { from, to };
}
