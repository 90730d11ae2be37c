import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntitlementRejection,
  LicenseEntitlement,
  LicenseProduct,
} from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import {
  PRODUCT_ID,
  byolRightsSchema,
  currencySchema,
  decimalAmount,
  describeIssues,
  isoDay,
  licenseMetricSchema,
  moneySchema,
} from './productSchema';
import { paymentScheduleProblem } from './licensePayments';

export { isoDay };

/** Whole numbers may arrive as strings from CSV; anything else is left for zod to reject. */
const wholeNumber = z.preprocess(
  value =>
    typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
      ? Number(value)
      : value,
  z
    .number({
      required_error: 'is required',
      invalid_type_error: 'must be a whole number',
    })
    .int('must be a whole number')
    .min(0, 'must not be negative'),
);

const ownerRef = z
  .string({
    required_error: 'is required, a group ref like group:default/itam',
  })
  .trim()
  .min(1, 'is required, a group ref like group:default/itam')
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US');
    } catch {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must be an entity ref like group:default/itam',
      });
      return z.NEVER;
    }
  });

const DECIMAL = /^\d+(\.\d+)?$/;

const nonEmptyText = z
  .string({ required_error: 'is required' })
  .trim()
  .min(1, 'is required');

/** One payment of the entitlement's cost, in its currency. */
const paymentSchema = z
  .object(
    { date: isoDay, amount: decimalAmount },
    { invalid_type_error: 'must be { date, amount }' },
  )
  .strict();

/**
 * The cloud bill's charge for a license bought through a marketplace: the sub account and
 * the SKU or resource of its Purchase row.
 */
const sourceChargeSchema = z
  .object(
    {
      subAccountId: nonEmptyText,
      skuId: nonEmptyText.optional(),
      resourceId: nonEmptyText.optional(),
    },
    { invalid_type_error: 'must be { subAccountId, skuId or resourceId }' },
  )
  .strict()
  .refine(
    value => value.skuId !== undefined || value.resourceId !== undefined,
    {
      message:
        'needs skuId or resourceId besides subAccountId, to name the charge on the bill',
    },
  );

export const licenseEntitlementSchema = z
  .object({
    id: z
      .string({ required_error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(255, 'is longer than 255 characters'),
    productId: z
      .string({ required_error: 'is required' })
      .trim()
      .regex(
        PRODUCT_ID,
        'must be a lowercase kebab-case product id, like microsoft-sql-server-enterprise',
      ),
    /** Optional on input: the product's metric when left out. */
    metric: licenseMetricSchema.optional(),
    quantity: wholeNumber,
    cost: z
      .object(
        {
          amount: decimalAmount,
          currency: currencySchema,
          per: z.enum(['term', 'unit']).default('term'),
        },
        {
          required_error: 'is required: { amount, currency, per: term | unit }',
        },
      )
      .strict(),
    termStart: isoDay,
    termEnd: isoDay,
    trueUpDate: isoDay.optional(),
    softwareAssurance: z.boolean().optional(),
    acquiredOn: isoDay.optional(),
    subscription: z.boolean().optional(),
    byol: byolRightsSchema.optional(),
    owner: ownerRef,
    contractReference: z.string().trim().min(1).optional(),
    prepaid: moneySchema.optional(),
    payments: z
      .array(paymentSchema)
      .min(1, 'must list at least one payment, or be left out')
      .optional(),
    sourceCharge: sourceChargeSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.termEnd < value.termStart) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['termEnd'],
        message: `${value.termEnd} is before termStart ${value.termStart}: a term must end on or after its start`,
      });
    }
    if (value.payments && value.sourceCharge) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['payments'],
        message:
          "cannot be given with sourceCharge: the bill's charge carries the cost and when it was paid",
      });
    } else if (
      value.payments?.length &&
      value.payments.every(p => DECIMAL.test(p.amount))
    ) {
      // Only a schedule of valid amounts has a sum worth reporting.
      const problem = paymentScheduleProblem(value.payments, value);
      if (problem)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['payments'],
          message: problem,
        });
    }
  });

/** A record to validate and where it was found (index or file row). */
export interface EntitlementRecord {
  position: number;
  value: unknown;
}

export interface EntitlementValidation {
  entitlements: LicenseEntitlement[];
  rejections: EntitlementRejection[];
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/**
 * Validates a batch of entitlement records against the schema and the product catalog.
 * Every problem of every record is returned; callers store the batch only when there are
 * none, so one bad record never leaves a batch half applied.
 */
export function validateEntitlements(
  records: EntitlementRecord[],
  products: Map<string, LicenseProduct>,
  where: { positionName: string; file?: string } = { positionName: 'record' },
): EntitlementValidation {
  const rejections: EntitlementRejection[] = [];
  const entitlements: LicenseEntitlement[] = [];
  const reject = (record: EntitlementRecord, field: string, reason: string) =>
    rejections.push({
      index: record.position,
      id: idOf(record.value),
      field,
      reason,
      ...(where.file ? { file: where.file } : {}),
    });

  // Duplicates are reported on every row that carries the id, naming the others.
  const positionsById = new Map<string, number[]>();
  for (const record of records) {
    const id = idOf(record.value);
    if (id)
      positionsById.set(id, [
        ...(positionsById.get(id) ?? []),
        record.position,
      ]);
  }

  for (const record of records) {
    let valid = true;
    const id = idOf(record.value);
    const sharing = id ? positionsById.get(id)! : [];
    if (sharing.length > 1) {
      const others = sharing.filter(p => p !== record.position).join(', ');
      reject(
        record,
        'id',
        `duplicate id "${id}": also used by ${where.positionName} ${others}`,
      );
      valid = false;
    }
    const parsed = licenseEntitlementSchema.safeParse(record.value);
    if (!parsed.success) {
      for (const issue of describeIssues(parsed.error)) {
        reject(record, issue.field, issue.reason);
      }
      continue;
    }
    const data = parsed.data;
    const product = products.get(data.productId);
    if (!product) {
      reject(
        record,
        'productId',
        `unknown product "${data.productId}": define it in finopsItam.licenses.products or PUT /licenses/products`,
      );
      continue;
    }
    if (data.metric && data.metric !== product.metric) {
      reject(
        record,
        'metric',
        `is ${data.metric}, but ${product.id} is licensed ${product.metric}`,
      );
      continue;
    }
    if (data.trueUpDate && data.trueUpDate < data.termStart) {
      reject(
        record,
        'trueUpDate',
        `${data.trueUpDate} is before termStart ${data.termStart}`,
      );
      continue;
    }
    if (valid) {
      entitlements.push({
        ...data,
        metric: product.metric,
      } as LicenseEntitlement);
    }
  }
  return { entitlements, rejections };
}
