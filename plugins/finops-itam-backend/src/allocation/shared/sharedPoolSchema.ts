import { parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { CHARGE_CATEGORIES } from '../../ingestion/focusColumns';
import { Money } from '../../money';
import { normalizeEntityRef, notAnEntityRefMessage } from './entityRefs';

/*
 * The shape of `finopsItam.sharedCostPools` and the checks zod cannot express alone. Every
 * problem is reported with its path, all at once, so an author fixes a config in one pass.
 */

const POOL_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// Percentages and committed quantities: plain decimals without sign or exponent.
const UNSIGNED_DECIMAL = /^\d+(\.\d+)?$/;
const SPLIT_METHODS = [
  'even',
  'proportional',
  'fixed',
  'metric',
  'prepaid',
] as const;
const CRITERIA = ['tags', 'accounts', 'services', 'chargeCategories'] as const;
const TARGET_KINDS = ['system', 'group'];

function atLeastOne(what: string) {
  return `must list at least one ${what}`;
}

const rowsSchema = z
  .object({
    tags: z
      .record(
        z.string(),
        z.union([z.string(), z.array(z.string()).min(1, atLeastOne('value'))], {
          errorMap: () => ({
            message: 'must be a tag value or a list of alternative values',
          }),
        }),
      )
      .optional(),
    accounts: z.array(z.string()).min(1, atLeastOne('account id')).optional(),
    services: z.array(z.string()).min(1, atLeastOne('service name')).optional(),
    chargeCategories: z
      .array(z.enum(CHARGE_CATEGORIES))
      .min(1, atLeastOne('charge category'))
      .optional(),
  })
  .strict();

const targetsSchema = z
  .object({
    entities: z.array(z.string()).optional(),
    allComponentsOf: z.string().optional(),
  })
  .strict();

const poolSchema = z
  .object({
    id: z.string(),
    description: z.string().optional(),
    mode: z.enum(['showback', 'chargeback']),
    rows: rowsSchema,
    targets: targetsSchema,
    method: z.enum(SPLIT_METHODS),
    weights: z
      .record(
        z.string(),
        // YAML turns `50` into a number; both spellings of a percentage are accepted.
        z.union([z.string(), z.number()], {
          errorMap: () => ({ message: 'must be a percentage like 25 or 33.5' }),
        }),
      )
      .optional(),
    metric: z.string().optional(),
    // Like weights, a quantity may be written as a YAML number or as text.
    committedQuantity: z
      .union([z.string(), z.number()], {
        errorMap: () => ({ message: 'must be a quantity like 1000 or 2500.5' }),
      })
      .optional(),
    unusedTarget: z.string().optional(),
  })
  .strict();

/** A pool entry as written in app-config, once its shape is valid. */
export type RawSharedCostPool = z.infer<typeof poolSchema>;
type Issue = { path: (string | number)[]; message: string };

function checkId(pool: RawSharedCostPool, issues: Issue[]): void {
  if (!POOL_ID.test(pool.id)) {
    issues.push({
      path: ['id'],
      message: `"${pool.id}" is not lowercase kebab-case (like "platform-support")`,
    });
  }
}

function checkRows(pool: RawSharedCostPool, issues: Issue[]): void {
  const given = CRITERIA.filter(key => pool.rows[key] !== undefined);
  if (given.length === 0) {
    // A pool without criteria would take every cost row, leaving no direct allocation.
    issues.push({
      path: ['rows'],
      message: `must give at least one of ${CRITERIA.join(', ')}`,
    });
  }
  const tags = pool.rows.tags;
  if (tags !== undefined) {
    const keys = Object.keys(tags);
    if (keys.length === 0) {
      issues.push({ path: ['rows', 'tags'], message: atLeastOne('tag') });
    }
    const seen = new Map<string, string>();
    for (const key of keys) {
      const normalized = key.trim().toLowerCase();
      const values = ([] as string[]).concat(tags[key]);
      if (normalized === '') {
        issues.push({
          path: ['rows', 'tags', key],
          message: 'has an empty tag key',
        });
      } else if (seen.has(normalized)) {
        issues.push({
          path: ['rows', 'tags', key],
          message:
            `repeats tag key "${seen.get(
              normalized,
            )}" (keys are compared trimmed and ` +
            'case-insensitively); list alternative values in one entry',
        });
      } else if (values.some(value => value.trim() === '')) {
        issues.push({
          path: ['rows', 'tags', key],
          message: 'has an empty value',
        });
      }
      seen.set(normalized, key);
    }
  }
  for (const key of ['accounts', 'services'] as const) {
    pool.rows[key]?.forEach((value, index) => {
      if (value.trim() === '') {
        issues.push({ path: ['rows', key, index], message: 'is empty' });
      }
    });
  }
}

function checkTargets(pool: RawSharedCostPool, issues: Issue[]): void {
  const { entities, allComponentsOf } = pool.targets;
  if ((entities === undefined) === (allComponentsOf === undefined)) {
    issues.push({
      path: ['targets'],
      message:
        entities === undefined
          ? 'must give entities (a list of entity refs) or allComponentsOf (a system or group ref)'
          : 'must give either entities or allComponentsOf, not both',
    });
    return;
  }
  if (entities !== undefined) {
    if (entities.length === 0) {
      issues.push({
        path: ['targets', 'entities'],
        message: atLeastOne('entity ref'),
      });
    }
    const seen = new Set<string>();
    entities.forEach((ref, index) => {
      const normalized = normalizeEntityRef(ref);
      if (normalized === undefined) {
        issues.push({
          path: ['targets', 'entities', index],
          message: notAnEntityRefMessage(ref),
        });
      } else if (seen.has(normalized)) {
        issues.push({
          path: ['targets', 'entities', index],
          message: `repeats ${normalized}`,
        });
      }
      seen.add(normalized ?? ref);
    });
  }
  if (allComponentsOf !== undefined) {
    const normalized = normalizeEntityRef(allComponentsOf);
    if (
      normalized === undefined ||
      !TARGET_KINDS.includes(parseEntityRef(normalized).kind)
    ) {
      issues.push({
        path: ['targets', 'allComponentsOf'],
        message:
          `"${allComponentsOf}" is not a system or group ref ` +
          '(like system:default/payments or group:default/team-a)',
      });
    }
  }
}

type Method = (typeof SPLIT_METHODS)[number];
type MethodKey = 'weights' | 'metric' | 'committedQuantity' | 'unusedTarget';

/**
 * The keys that only some methods use: which methods use each, and for the methods that
 * need it, what to give. A key a method does not use is refused rather than ignored, so a
 * pool does not silently split otherwise than its author meant.
 */
const METHOD_KEYS: Record<
  MethodKey,
  { usedBy: Method[]; requiredBy: Partial<Record<Method, string>> }
> = {
  weights: {
    usedBy: ['fixed'],
    requiredBy: { fixed: 'give each target a percentage, summing to 100' },
  },
  metric: {
    usedBy: ['metric', 'prepaid'],
    requiredBy: {
      metric: 'name the business metric to split by',
      prepaid: "name the business metric that measures each target's usage",
    },
  },
  committedQuantity: {
    usedBy: ['prepaid'],
    requiredBy: {
      prepaid:
        "give the usage the month's commitment covers, in the metric's unit, like 1000",
    },
  },
  unusedTarget: { usedBy: ['prepaid'], requiredBy: {} },
};

function checkMethodSettings(pool: RawSharedCostPool, issues: Issue[]): void {
  const { method } = pool;
  for (const [key, { usedBy, requiredBy }] of Object.entries(METHOD_KEYS)) {
    const given = pool[key as MethodKey] !== undefined;
    const required = requiredBy[method];
    if (!given && required !== undefined) {
      issues.push({
        path: [key],
        message: `is required when method is ${method}: ${required}`,
      });
    }
    if (given && !usedBy.includes(method)) {
      issues.push({
        path: [key],
        message: `is only used when method is ${usedBy.join(
          ' or ',
        )}, not ${method}`,
      });
    }
  }
  if (pool.metric !== undefined && pool.metric.trim() === '') {
    issues.push({ path: ['metric'], message: 'is empty' });
  }
}

/** Whether a committed quantity is a plain decimal above zero (YAML numbers included). */
function isCommittedQuantity(value: string | number): boolean {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0;
  }
  const text = value.trim();
  return UNSIGNED_DECIMAL.test(text) && new Money(text).gt(0);
}

function checkPrepaid(pool: RawSharedCostPool, issues: Issue[]): void {
  if (pool.method !== 'prepaid') {
    return; // Reported by checkMethodSettings when given.
  }
  const { committedQuantity, unusedTarget } = pool;
  if (
    committedQuantity !== undefined &&
    !isCommittedQuantity(committedQuantity)
  ) {
    issues.push({
      path: ['committedQuantity'],
      message: `"${committedQuantity}" is not a quantity above zero, like 1000 or 2500.5`,
    });
  }
  if (
    unusedTarget !== undefined &&
    normalizeEntityRef(unusedTarget) === undefined
  ) {
    issues.push({
      path: ['unusedTarget'],
      message: notAnEntityRefMessage(unusedTarget),
    });
  }
}

function checkWeights(pool: RawSharedCostPool, issues: Issue[]): void {
  if (pool.method !== 'fixed' || pool.weights === undefined) {
    return;
  }
  const before = issues.length;
  const weighted = new Map<string, string>();
  let total = new Money(0);
  for (const [ref, value] of Object.entries(pool.weights)) {
    const normalized = normalizeEntityRef(ref);
    const text = String(value).trim();
    if (normalized === undefined) {
      issues.push({
        path: ['weights', ref],
        message: notAnEntityRefMessage(ref),
      });
    } else if (weighted.has(normalized)) {
      issues.push({
        path: ['weights', ref],
        message: `repeats ${normalized} (given as "${weighted.get(
          normalized,
        )}")`,
      });
    } else if (!UNSIGNED_DECIMAL.test(text) || new Money(text).gt(100)) {
      issues.push({
        path: ['weights', ref],
        message: `"${value}" is not a percentage between 0 and 100, like 25 or 33.5`,
      });
    } else {
      total = total.plus(text);
    }
    if (!weighted.has(normalized ?? ref)) {
      weighted.set(normalized ?? ref, ref);
    }
  }
  if (issues.length > before) {
    return;
  }
  // Exact decimal comparison: 33.33 + 33.33 + 33.33 is 99.99, not "close enough".
  if (!total.eq(100)) {
    issues.push({
      path: ['weights'],
      message: `must sum to 100, got ${total.toFixed()}`,
    });
  }
  const entities = pool.targets.entities;
  if (entities === undefined) {
    return; // Components of a system or group are only known when allocating.
  }
  const targets = new Set(entities.map(ref => normalizeEntityRef(ref) ?? ref));
  for (const [normalized, ref] of weighted) {
    if (!targets.has(normalized)) {
      issues.push({
        path: ['weights', ref],
        message: `is not one of targets.entities`,
      });
    }
  }
  const missing = [...targets].filter(ref => !weighted.has(ref));
  if (missing.length > 0) {
    issues.push({
      path: ['weights'],
      message: `has no percentage for ${missing.join(
        ', ',
      )}, listed in targets.entities`,
    });
  }
}

function checkPool(pool: RawSharedCostPool, ctx: z.RefinementCtx): void {
  const issues: Issue[] = [];
  checkId(pool, issues);
  checkRows(pool, issues);
  checkTargets(pool, issues);
  checkMethodSettings(pool, issues);
  checkWeights(pool, issues);
  checkPrepaid(pool, issues);
  for (const issue of issues) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
  }
}

/**
 * Zod schema of the shared-cost settings under `finopsItam`. It validates only; use
 * {@link readSharedCostConfig} for the normalised form.
 * @public
 */
export const sharedCostConfigSchema = z
  .object({
    sharedCostPools: z.array(poolSchema.superRefine(checkPool)).optional(),
    unusedCommitmentPool: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const ids = new Set<string>();
    value.sharedCostPools?.forEach((pool, index) => {
      if (ids.has(pool.id)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['sharedCostPools', index, 'id'],
          message: `"${pool.id}" is used by another shared cost pool`,
        });
      }
      ids.add(pool.id);
    });
    const unused = value.unusedCommitmentPool;
    if (unused !== undefined && !ids.has(unused)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['unusedCommitmentPool'],
        message: `"${unused}" is not the id of any finopsItam.sharedCostPools entry`,
      });
    }
  });
