import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { MetricRejection } from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import { Money } from '../money';

/** A validated metric value, ready to store. */
export interface MetricRow {
  /** Lowercase entity ref, the join key of the cost tables. */
  entityRef: string;
  day: string;
  /** Exact decimal string without trailing zeros. */
  value: string;
}

/** What validation made of a batch: either every row is good, or it lists every problem. */
export interface MetricValidationResult {
  rows: MetricRow[];
  rejections: MetricRejection[];
}

/** As the `finops-itam.io/unit-metric` annotation allows, so any stored metric can be named there. */
const METRIC_NAME = /^[a-z0-9_-]{1,128}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * At most 16 decimals, like cost amounts, and 24 integer digits: far beyond any daily count,
 * while keeping sums over years of values well inside PostgreSQL numeric and decimal.js.
 */
const DECIMAL = /^\d{1,24}(\.\d{1,16})?$/;

/** Why a metric name is not acceptable, or null when it is. */
export function metricNameProblem(name: string): string | null {
  return METRIC_NAME.test(name)
    ? null
    : `"${name}" is not a metric name: use 1 to 128 lowercase letters, digits, "-" and "_", e.g. orders`;
}

/** `2026-02-30` parses (as March 2nd) and `2026-13-01` does not: both are refused. */
function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const entityRef = z
  .string({
    required_error: 'is required',
    invalid_type_error: 'must be a string',
  })
  .transform((value, ctx) => {
    try {
      // No default kind: a bare name could mean a component or a resource.
      return stringifyEntityRef(parseEntityRef(value.trim())).toLocaleLowerCase(
        'en-US',
      );
    } catch {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" is not an entity ref: write kind:namespace/name, e.g. component:default/checkout`,
      });
      return z.NEVER;
    }
  });

const date = z
  .string({
    required_error: 'is required',
    invalid_type_error: 'must be a string',
  })
  .superRefine((value, ctx) => {
    if (!DAY.test(value)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" is not a date like 2026-11-01`,
      });
    } else if (!isCalendarDay(value)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${value}" is not a calendar date`,
      });
    }
  });

const value = z
  .union([z.string(), z.number()], {
    errorMap: () => ({
      message: 'must be a decimal number (string or number), at least 0',
    }),
  })
  .transform((raw, ctx) => {
    if (typeof raw === 'number' ? raw < 0 : raw.trim().startsWith('-')) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${raw} is negative; metric values are at least 0`,
      });
      return z.NEVER;
    }
    // Numbers are read through their shortest decimal form (0.1 is "0.1"), strings as written.
    const text =
      typeof raw === 'number' && Number.isFinite(raw)
        ? new Money(Math.abs(raw)).toFixed()
        : String(raw).trim();
    if (!DECIMAL.test(text)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${raw}" is not a plain decimal with at most 24 digits before and 16 after the point, e.g. 1250 or 12.5`,
      });
      return z.NEVER;
    }
    return new Money(text).toFixed();
  });

const rowSchema = z.object(
  { entityRef, date, value },
  { invalid_type_error: 'must be an object with entityRef, date and value' },
);

/**
 * Validates metric values, all of them: the caller stores nothing unless `rejections` is
 * empty, so a bad row never leaves half a batch behind.
 *
 * @param rowNumber - how a row is named in rejections: the 0-based index of a request's
 *   `values`, or the 1-based line of a file.
 */
export function validateMetricRows(
  input: readonly unknown[],
  rowNumber: (index: number) => number = index => index,
): MetricValidationResult {
  const rows: MetricRow[] = [];
  const rejections: MetricRejection[] = [];
  const firstRowOf = new Map<string, number>();
  input.forEach((item, index) => {
    const row = rowNumber(index);
    const parsed = rowSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        rejections.push({
          row,
          field: String(issue.path[0] ?? 'row'),
          reason: issue.message,
        });
      }
      return;
    }
    const { entityRef: ref, date: day, value: amount } = parsed.data;
    // Two values for the same entity-day would make the result depend on their order.
    const key = `${ref}\u0000${day}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      rejections.push({
        row,
        field: 'date',
        reason: `${ref} already has a value for ${day} in row ${first}; send one value per entity and day`,
      });
      return;
    }
    firstRowOf.set(key, row);
    rows.push({ entityRef: ref, day, value: amount });
  });
  return { rows, rejections };
}
