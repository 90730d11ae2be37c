import { z } from 'zod';

/**
 * The shape of `OnboardingRequestInput`, as openapi.yaml gives it. Numbers are only typed
 * here: whether a count is a whole number of at least 1 is a problem of its own, worded
 * for the person filing, in `validateRequest`.
 */
const product = z
  .object({
    productId: z.string().trim().min(1, 'is required'),
    licenseModel: z.enum(['byol', 'license-included']),
  })
  .strict();

const deployment = z
  .object({
    provider: z.string().trim().min(1, 'is required'),
    region: z.string().trim().min(1, 'is required'),
    tenancy: z.enum(['shared', 'dedicated-instance', 'dedicated-host']),
    instanceType: z.string().trim().min(1, 'must not be empty').optional(),
    vcpus: z.number().optional(),
    count: z.number(),
    products: z.array(product),
  })
  .strict();

const saas = z
  .object({
    productId: z.string().trim().min(1, 'is required'),
    seats: z.number(),
  })
  .strict();

export const onboardingRequestSchema = z
  .object({
    entityRef: z.string().trim().min(1, 'is required'),
    owner: z.string().trim().min(1, 'is required'),
    title: z.string().trim().min(1, 'is required'),
    description: z.string().trim().optional(),
    goLive: z.string().trim(),
    procurement: z.enum(['enterprise-agreement', 'marketplace', 'reseller']),
    replaces: z.string().trim().min(1, 'must not be empty').optional(),
    tags: z.record(z.string()).optional(),
    deployments: z.array(deployment),
    saas: z.array(saas).optional(),
    estimatedMonthlyCost: z
      .object({
        amount: z
          .string()
          .trim()
          .regex(
            /^\d+(\.\d{1,16})?$/,
            'must be a decimal amount of 0 or more, like 1800.00',
          ),
        currency: z
          .string()
          .trim()
          .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code like USD'),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ParsedOnboardingRequest = z.infer<typeof onboardingRequestSchema>;

/** A zod path as the API names fields: `deployments[0].products[1].productId`. */
export function fieldOf(path: Array<string | number>): string {
  return path
    .map(part => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/** Every zod issue as `{ field, reason }`. */
export function schemaProblems(
  error: z.ZodError,
): Array<{ field: string; reason: string }> {
  return error.issues.map(issue => {
    if (issue.code === 'invalid_type' && issue.received === 'undefined') {
      return { field: fieldOf(issue.path) || 'body', reason: 'is required' };
    }
    return { field: fieldOf(issue.path) || 'body', reason: issue.message };
  });
}
