import { z } from 'zod';

/** Lowercase kebab-case, like `microsoft-sql-server-enterprise`. */
export const PRODUCT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const licenseMetricSchema = z.enum([
  'per-core',
  'per-vcpu',
  'per-processor',
  'per-socket',
  'per-instance',
  'per-user',
  'subscription',
  'consumption-credit',
]);

const positiveInt = z
  .number()
  .int('must be a whole number')
  .positive('must be more than 0');

export const countingRuleSchema = z
  .object({
    minimumPerVm: positiveInt.optional(),
    packSize: positiveInt.optional(),
    vcpusPerLicenseHyperThreaded: positiveInt.optional(),
    vcpusPerLicense: positiveInt.optional(),
    coreFactor: z
      .number()
      .positive('must be more than 0')
      .max(1, 'must be at most 1')
      .optional(),
    maxVcpusCounted: positiveInt.optional(),
    vmsPerLicense: positiveInt.optional(),
    maxVcpusAllowed: positiveInt.optional(),
    dedicatedHost: z
      .object({
        minimumPerProcessor: positiveInt.optional(),
        minimumPerHost: positiveInt.optional(),
        vmsPerHostLicense: positiveInt.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const tenancySchema = z.enum([
  'shared',
  'dedicated-instance',
  'dedicated-host',
]);

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isoDay = z
  .string({ required_error: 'is required, like 2026-01-31' })
  .trim()
  .refine(value => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
    );
  }, 'must be a date like 2026-01-31');

const providerNames = z
  .array(z.string().min(1))
  .min(1, 'must name at least one provider');

export const byolRightsSchema = z
  .object({
    allowedProviders: z.array(z.string().min(1)).optional(),
    allowedTenancy: z.array(tenancySchema).optional(),
    requiresLicenseMobility: z.boolean().optional(),
    sharedTenancyProviders: z.array(z.string().min(1)).optional(),
    dedicatedHostCutoff: z
      .object({
        acquiredBefore: isoDay,
        providers: providerNames,
        tenancy: z.array(tenancySchema).min(1).optional(),
        unlessLicenseMobility: z.boolean({
          required_error:
            'is required: true when License Mobility still allows it',
        }),
      })
      .strict()
      .optional(),
    softwareAssuranceRequiredOn: providerNames.optional(),
    subscriptionIncludesSoftwareAssurance: z.boolean().optional(),
  })
  .strict();

/** What else a product's licenses may cover; product ids are checked against the catalog. */
export const coverRuleSchema = z
  .object({
    productId: z
      .string()
      .regex(PRODUCT_ID, 'must be a lowercase kebab-case product id'),
    ratio: z.number().positive('must be more than 0'),
    providers: providerNames.optional(),
    requiresSoftwareAssurance: z.boolean().optional(),
    source: z.string().min(1).optional(),
  })
  .strict();

/** A plain decimal amount such as `12.50`, never a float. */
export const decimalAmount = z
  .union([z.string(), z.number()])
  .transform(value => String(value).trim())
  .refine(
    value => /^\d+(\.\d{1,16})?$/.test(value),
    'must be a decimal amount of 0 or more with at most 16 decimals, like 1200.50',
  );

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code like USD');

export const moneySchema = z
  .object({ amount: decimalAmount, currency: currencySchema })
  .strict();

/**
 * A list price with its basis. Without `per` it is a yearly price, as `listPrice` meant
 * before the basis existed; a perpetual price says how it is counted per year.
 */
export const listPriceSchema = z
  .object({
    amount: decimalAmount,
    currency: currencySchema,
    units: positiveInt.optional(),
    per: z.enum(['year', 'perpetual']).default('year'),
    annualSupportRate: decimalAmount
      .refine(
        rate => Number(rate) <= 1,
        'must be a fraction of the license price between 0 and 1, like 0.22',
      )
      .optional(),
    amortisationYears: positiveInt.optional(),
  })
  .strict()
  .superRefine((price, ctx) => {
    if (price.per === 'perpetual' && price.amortisationYears === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['amortisationYears'],
        message:
          'is required for a perpetual price: the years its cost is spread over',
      });
    }
    const perpetualOnly = {
      annualSupportRate:
        'applies to perpetual prices only: a yearly subscription includes its support',
      amortisationYears:
        'applies to perpetual prices only: a yearly price is already per year',
    };
    for (const [field, message] of Object.entries(perpetualOnly)) {
      if (
        price.per === 'year' &&
        price[field as keyof typeof perpetualOnly] !== undefined
      ) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
      }
    }
  });

export const licenseProductSchema = z
  .object({
    id: z
      .string()
      .regex(
        PRODUCT_ID,
        'must be lowercase kebab-case, like microsoft-sql-server-enterprise',
      ),
    publisher: z.string().min(1, 'is required'),
    name: z.string().min(1, 'is required'),
    edition: z.string().min(1).optional(),
    metric: licenseMetricSchema,
    rule: countingRuleSchema.default({}),
    byol: byolRightsSchema.optional(),
    covers: z.array(coverRuleSchema).optional(),
    listPrice: listPriceSchema.optional(),
  })
  .strict();

/** An override of a known product: any field may be left out and keeps its value. */
export const licenseProductOverrideSchema = licenseProductSchema
  .partial()
  .extend({
    id: licenseProductSchema.shape.id,
    rule: countingRuleSchema.optional(),
  });

/** `path.to.field message` for every issue of a failed parse. */
export function describeIssues(
  error: z.ZodError,
): Array<{ field: string; reason: string }> {
  return error.issues.map(issue => ({
    field: issue.path.join('.') || '(record)',
    reason: issue.message,
  }));
}

/**
 * `covers` rules that name an unknown product or the product itself, as
 * `{ field, reason }` with the field relative to the product (`covers[0].productId`).
 */
export function coversProblems(
  product: { id: string; covers?: Array<{ productId: string }> },
  knownIds: ReadonlySet<string>,
): Array<{ field: string; reason: string }> {
  return (product.covers ?? []).flatMap((rule, index) => {
    const field = `covers[${index}].productId`;
    if (rule.productId === product.id) {
      return [{ field, reason: `"${rule.productId}" is the product itself` }];
    }
    if (!knownIds.has(rule.productId)) {
      return [{ field, reason: `"${rule.productId}" is not a known product` }];
    }
    return [];
  });
}
