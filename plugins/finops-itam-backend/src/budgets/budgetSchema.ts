import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { parseBudgetDay } from './budgetPeriods';
import { isKnownCurrency } from './currencyCodes';

/** Kinds a budget may belong to (issue 16: a Group, System or Component). */
export const BUDGET_ENTITY_KINDS = ['group', 'system', 'component'] as const;

/**
 * Alert thresholds in percent of the budget. Defaults from issue 16: the forecast above
 * 100 % or below 80 %, the actual above 100 %.
 */
export const BUDGET_THRESHOLD_DEFAULTS = {
  forecastAbove: 100,
  forecastBelow: 80,
  actualAbove: 100,
} as const;

const percent = z
  .number({
    invalid_type_error: 'must be a percentage of the budget, like 100',
  })
  .positive('must be more than 0');

const thresholdsSchema = z
  .object({
    forecastAbove: percent.default(BUDGET_THRESHOLD_DEFAULTS.forecastAbove),
    forecastBelow: percent.default(BUDGET_THRESHOLD_DEFAULTS.forecastBelow),
    actualAbove: percent.default(BUDGET_THRESHOLD_DEFAULTS.actualAbove),
  })
  .strict()
  .refine(value => value.forecastBelow < value.forecastAbove, {
    message: 'must be below forecastAbove',
    path: ['forecastBelow'],
  });

/**
 * A plain decimal amount above 0. Numbers are taken as written (YAML reads `45000.00` as a
 * number); anything that does not print as a plain decimal (1e21, NaN) is refused.
 */
const budgetAmount = z
  .union([z.string(), z.number()], {
    errorMap: () => ({ message: 'must be a decimal amount like 45000.00' }),
  })
  .transform(value => String(value).trim())
  .superRefine((value, context) => {
    const reason = amountProblem(value);
    if (reason) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: reason });
    }
  });

function amountProblem(value: string): string | undefined {
  if (!/^-?\d+(\.\d{1,16})?$/.test(value)) {
    return 'must be a decimal amount like 45000.00, with at most 16 decimals';
  }
  const nonZero = /[1-9]/.test(value);
  if (value.startsWith('-') && nonZero) return 'must not be negative';
  if (!nonZero) return 'must be more than 0';
  return undefined;
}

const entityRef = z
  .string({
    invalid_type_error:
      'must be an entity ref like group:default/team-checkout',
  })
  .transform((value, context) => {
    let ref;
    try {
      ref = parseEntityRef(value.trim());
    } catch {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must be an entity ref like group:default/team-checkout',
      });
      return z.NEVER;
    }
    const kind = ref.kind.toLocaleLowerCase('en-US');
    if (!(BUDGET_ENTITY_KINDS as readonly string[]).includes(kind)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be a Group, System or Component, not a ${ref.kind}`,
      });
      return z.NEVER;
    }
    // Lowercased, as the catalog compares refs and as rows are joined.
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  });

const day = z
  .string({ invalid_type_error: 'must be a date like 2027-01-01' })
  .refine(
    value => parseBudgetDay(value) !== undefined,
    'must be a date like 2027-01-01',
  );

const currency = z
  .string({ invalid_type_error: 'must be an ISO 4217 code like USD' })
  .superRefine((value, context) => {
    if (!/^[A-Z]{3}$/.test(value)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must be a three-letter ISO 4217 code in capitals, like USD',
      });
    } else if (!isKnownCurrency(value)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${value} is not a current ISO 4217 currency code`,
      });
    }
  });

/** One budget record, as `PUT /budgets`, app-config and budget files give it (issue 16). */
export const budgetRecordSchema = z
  .object({
    id: z
      .string({
        required_error: 'is required',
        invalid_type_error: 'must be a string like checkout-q1',
      })
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/,
        'must be 1–200 letters, digits, dots, dashes, underscores or colons, like checkout-q1',
      ),
    entityRef,
    period: z.enum(['month', 'quarter', 'year'], {
      errorMap: () => ({ message: 'must be month, quarter or year' }),
    }),
    start: day,
    amount: budgetAmount,
    currency,
    scope: z.enum(['all-in', 'cloud', 'licenses'], {
      errorMap: () => ({ message: 'must be all-in, cloud or licenses' }),
    }),
    thresholds: thresholdsSchema.default({}),
  })
  .strict();

/** A budget after validation: entity ref lowercased, thresholds filled in. */
export type Budget = z.output<typeof budgetRecordSchema>;
export type BudgetScope = Budget['scope'];
export type BudgetThresholds = Budget['thresholds'];
