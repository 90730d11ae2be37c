import { InputError } from '@backstage/errors';
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest period one request may ask for. */
const MAX_DAYS = 732;

const day = z
  .string()
  .regex(DAY, 'must be a date like 2026-11-01')
  .refine(
    value =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a valid date',
  );

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

/** Query strings a memoized parser remembers; a dashboard asks for a handful. */
const MEMOIZED_QUERIES = 256;

/**
 * `parseQuery` for a route that sees the same few query strings again and again (the
 * Cost tab's periods): valid results are remembered by the raw query string, which skips
 * the schema (a twentieth of a cached cost answer's CPU). Invalid queries are parsed
 * every time, so their 400 always lists every problem. Results are frozen: they are shared.
 */
export function memoizedQueryParser<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): (rawQuery: string, input: unknown) => Readonly<T> {
  const parsed = new Map<string, Readonly<T>>();
  return (rawQuery, input) => {
    const known = parsed.get(rawQuery);
    if (known !== undefined) {
      return known;
    }
    const result = Object.freeze(parseQuery(schema, input));
    if (parsed.size >= MEMOIZED_QUERIES) {
      parsed.clear();
    }
    parsed.set(rawQuery, result);
    return result;
  };
}

/** Fills in the default half-open period `[to − 30 days, to)` with `to` today, and checks it. */
export function resolvePeriod(
  query: { from?: string; to?: string },
  now: Date = new Date(),
): { from: string; to: string } {
  const to = query.to ?? isoDay(now);
  const from = query.from ?? addDays(to, -30);
  if (from >= to) {
    throw new InputError(
      `Invalid query: from (${from}) must be before to (${to}); periods are [from, to)`,
    );
  }
  if (addDays(from, MAX_DAYS) < to) {
    throw new InputError(
      `Invalid query: a period may span at most ${MAX_DAYS} days`,
    );
  }
  return { from, to };
}
