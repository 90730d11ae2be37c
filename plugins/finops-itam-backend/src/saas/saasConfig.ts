import { parseEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { Money } from '../money';
import { SaasContractConfig } from './SaasContractConfig';

const KEY = 'finopsItam.saas.contracts';

const text = z.string().trim().min(1, 'must not be empty');

const day = z
  .string()
  .refine(
    value => DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid,
    'must be a date like 2026-07-01',
  );

// YAML gives `30000` as a number and `"30000.50"` as a string; both are read exactly
// through their decimal text (a float such as 0.1 prints as 0.1).
const positiveAmount = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const raw = String(value).trim();
    let amount;
    try {
      amount = new Money(raw);
    } catch {
      amount = null;
    }
    if (!amount || !amount.isFinite() || amount.lte(0)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be an amount above 0, like 30000 or "2500.50" (got ${JSON.stringify(
          value,
        )})`,
      });
      return z.NEVER;
    }
    return amount.toFixed();
  });

const contractSchema = z
  .object({
    id: text,
    title: text,
    vendor: text,
    kind: z.enum(['prepaid', 'consumption']),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD'),
    start: day,
    end: day,
    committed: positiveAmount.optional(),
    contractedMonthlyRunRate: positiveAmount.optional(),
    ownerRef: text.optional(),
    productId: text.optional(),
    match: z
      .object({
        publisherName: text.optional(),
        serviceName: text.optional(),
        productTag: text.optional(),
        chargeCategory: text.optional(),
      })
      .strict()
      .refine(
        m => Boolean(m.publisherName || m.serviceName || m.productTag),
        'needs publisherName, serviceName or productTag to find the cost rows consumed',
      ),
  })
  .strict()
  .superRefine((contract, ctx) => {
    if (contract.end < contract.start) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['end'],
        message: `must not be before start (${contract.start})`,
      });
    }
    const needed =
      contract.kind === 'prepaid' ? 'committed' : 'contractedMonthlyRunRate';
    const other =
      contract.kind === 'prepaid' ? 'contractedMonthlyRunRate' : 'committed';
    if (contract[needed] === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [needed],
        message: `is required for a ${contract.kind} contract`,
      });
    }
    if (contract[other] !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [other],
        message: `is for ${
          contract.kind === 'prepaid' ? 'consumption' : 'prepaid'
        } contracts; this one is ${contract.kind}`,
      });
    }
    if (contract.ownerRef) {
      try {
        parseEntityRef(contract.ownerRef, { defaultKind: 'group' });
      } catch {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['ownerRef'],
          message: `"${contract.ownerRef}" is not an entity ref like group:default/team-platform`,
        });
      }
    }
  });

const schema = z.array(contractSchema).superRefine((contracts, ctx) => {
  const seen = new Map<string, number>();
  contracts.forEach((contract, index) => {
    const first = seen.get(contract.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [index, 'id'],
        message: `"${contract.id}" is already the id of contracts[${first}]`,
      });
    } else {
      seen.set(contract.id, index);
    }
  });
});

function where(path: Array<string | number>): string {
  return path.reduce<string>(
    (at, part) =>
      typeof part === 'number' ? `${at}[${part}]` : `${at}.${part}`,
    KEY,
  );
}

function ownerRefOf(ref: string | undefined): string | null {
  if (!ref) return null;
  const parsed = parseEntityRef(ref, { defaultKind: 'group' });
  return `${parsed.kind}:${parsed.namespace}/${parsed.name}`.toLocaleLowerCase(
    'en-US',
  );
}

/**
 * Reads `finopsItam.saas.contracts`. Every mistake is listed at once, each naming its key
 * (e.g. `finopsItam.saas.contracts[1].committed`), and stops the backend at start-up.
 */
export function readSaasContracts(config: Config): SaasContractConfig[] {
  const given = config.getOptional(KEY) ?? [];
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${where(issue.path)}: ${issue.message}`,
    );
    throw new Error(`Invalid ${KEY}: ${problems.join('; ')}`);
  }
  return parsed.data.map(contract => ({
    id: contract.id,
    title: contract.title,
    vendor: contract.vendor,
    kind: contract.kind,
    currency: contract.currency,
    start: contract.start,
    end: contract.end,
    committed: contract.committed ?? null,
    contractedMonthlyRunRate: contract.contractedMonthlyRunRate ?? null,
    ownerRef: ownerRefOf(contract.ownerRef),
    productId: contract.productId ?? null,
    match: contract.match,
  }));
}
