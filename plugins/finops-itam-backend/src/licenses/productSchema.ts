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

const positiveInt = z.number().int('must be a whole number').positive('must be more than 0');

export const countingRuleSchema = z
  .object({
    minimumPerVm: positiveInt.optional(),
    packSize: positiveInt.optional(),
    vcpusPerLicenseHyperThreaded: positiveInt.optional(),
    vcpusPerLicense: positiveInt.optional(),
    coreFactor: z.number().positive('must be more than 0').max(1, 'must be at most 1').optional(),
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

export const tenancySchema = z.enum(['shared', 'dedicated-instance', 'dedicated-host']);

export const byolRightsSchema = z
  .object({
    allowedProviders: z.array(z.string().min(1)).optional(),
    allowedTenancy: z.array(tenancySchema).optional(),
    requiresLicenseMobility: z.boolean().optional(),
    sharedTenancyProviders: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** A plain decimal amount such as `12.50`, never a float. */
export const decimalAmount = z
  .union([z.string(), z.number()])
  .transform(value => String(value).trim())
  .refine(value => /^\d+(\.\d{1,16})?$/.test(value), 'must be a decimal amount of 0 or more with at most 16 decimals, like 1200.50');

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code like USD');

export const moneySchema = z.object({ amount: decimalAmount, currency: currencySchema }).strict();

export const licenseProductSchema = z
  .object({
    id: z.string().regex(PRODUCT_ID, 'must be lowercase kebab-case, like microsoft-sql-server-enterprise'),
    publisher: z.string().min(1, 'is required'),
    name: z.string().min(1, 'is required'),
    edition: z.string().min(1).optional(),
    metric: licenseMetricSchema,
    rule: countingRuleSchema.default({}),
    byol: byolRightsSchema.optional(),
    listPrice: moneySchema.optional(),
  })
  .strict();

/** An override of a known product: any field may be left out and keeps its value. */
export const licenseProductOverrideSchema = licenseProductSchema
  .partial()
  .extend({ id: licenseProductSchema.shape.id, rule: countingRuleSchema.optional() });

/** `path.to.field message` for every issue of a failed parse. */
export function describeIssues(error: z.ZodError): Array<{ field: string; reason: string }> {
  return error.issues.map(issue => ({
    field: issue.path.join('.') || '(record)',
    reason: issue.message,
  }));
}
