import { Config } from '@backstage/config';
import { CHARGE_CATEGORIES } from '../../ingestion/focusColumns';
import { Money } from '../../money';
import { configErrorMap, formatConfigPath } from './configIssues';
import { normalizeEntityRef } from './entityRefs';
import { RawSharedCostPool, sharedCostConfigSchema } from './sharedPoolSchema';
import { SplitMethod } from './splitPool';

/** A FOCUS ChargeCategory. @public */
export type ChargeCategory = (typeof CHARGE_CATEGORIES)[number];

/** Whether a pool's parts are only shown (showback) or also billed to cost centers. @public */
export type SharedCostPoolMode = 'showback' | 'chargeback';

/** Which cost rows form a pool; a row belongs when it matches every criterion given. @public */
export interface SharedCostPoolRows {
  /** Tag key (trimmed, lowercase) → accepted values (trimmed); one must match per key. */
  tags?: Record<string, string[]>;
  /** Sub-account or billing-account ids. */
  accounts?: string[];
  /** ServiceName values, compared case-insensitively. */
  services?: string[];
  chargeCategories?: ChargeCategory[];
}

/**
 * Who shares a pool: listed entities, or every component of a system or group (resolved
 * from the catalog when allocating). Refs are lowercase `kind:namespace/name`.
 * @public
 */
export type SharedCostPoolTargets =
  | { entities: string[] }
  | { allComponentsOf: string };

/** A validated `finopsItam.sharedCostPools[]` entry with refs and tags normalised. @public */
export interface SharedCostPool {
  id: string;
  description?: string;
  mode: SharedCostPoolMode;
  rows: SharedCostPoolRows;
  targets: SharedCostPoolTargets;
  method: SplitMethod;
  /** For method `fixed`: entity ref → percentage as a decimal string; they sum to 100. */
  weights?: Record<string, string>;
  /**
   * For method `metric`: the business metric the pool is split by. For `prepaid`: the
   * metric that measures each target's usage of the commitment, summed per calendar month.
   */
  metric?: string;
  /**
   * For method `prepaid` (always set then): the usage the month's commitment covers, in the
   * metric's unit, as a plain decimal string above zero.
   */
  committedQuantity?: string;
  /**
   * For method `prepaid`: the entity ref that carries the unused part of the commitment;
   * unset means the allocation's default.
   */
  unusedTarget?: string;
}

/** The shared-cost settings under `finopsItam`. @public */
export interface SharedCostConfig {
  pools: SharedCostPool[];
  /**
   * Id of the pool that takes unused commitment cost. When unset, unused commitment goes to
   * the owner of the account that bought the commitment.
   */
  unusedCommitmentPool?: string;
}

/**
 * Thrown for invalid shared-cost config; each problem names its config path so the backend
 * stops at start with the key to fix, instead of allocating wrongly for hours.
 * @public
 */
export class SharedCostConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('; '));
    this.name = 'SharedCostConfigError';
    this.problems = problems;
  }
}

function normalizePool(pool: RawSharedCostPool): SharedCostPool {
  const { rows, targets } = pool;
  const ref = (value: string) => normalizeEntityRef(value)!;
  return {
    id: pool.id,
    ...(pool.description !== undefined && { description: pool.description }),
    mode: pool.mode,
    rows: {
      ...(rows.tags && {
        tags: Object.fromEntries(
          Object.entries(rows.tags).map(([key, values]) => [
            key.trim().toLowerCase(),
            [...new Set(([] as string[]).concat(values).map(v => v.trim()))],
          ]),
        ),
      }),
      ...(rows.accounts && { accounts: rows.accounts.map(a => a.trim()) }),
      ...(rows.services && { services: rows.services.map(s => s.trim()) }),
      ...(rows.chargeCategories && { chargeCategories: rows.chargeCategories }),
    },
    targets:
      targets.entities !== undefined
        ? { entities: targets.entities.map(ref) }
        : { allComponentsOf: ref(targets.allComponentsOf!) },
    method: pool.method,
    ...(pool.weights && {
      weights: Object.fromEntries(
        Object.entries(pool.weights).map(([key, value]) => [
          ref(key),
          new Money(String(value).trim()).toFixed(),
        ]),
      ),
    }),
    ...(pool.metric !== undefined && { metric: pool.metric.trim() }),
    ...(pool.committedQuantity !== undefined && {
      // One spelling for YAML numbers and text alike: `1000`, `0100.50` → `100.5`.
      committedQuantity: new Money(
        String(pool.committedQuantity).trim(),
      ).toFixed(),
    }),
    ...(pool.unusedTarget !== undefined && {
      unusedTarget: ref(pool.unusedTarget),
    }),
  };
}

/**
 * Validates and normalises the shared-cost settings, given the values of
 * `finopsItam.sharedCostPools` and `finopsItam.unusedCommitmentPool`.
 * Throws a {@link SharedCostConfigError} listing every problem with its config path.
 * @public
 */
export function parseSharedCostConfig(value: {
  sharedCostPools?: unknown;
  unusedCommitmentPool?: unknown;
}): SharedCostConfig {
  const result = sharedCostConfigSchema.safeParse(value, {
    errorMap: configErrorMap,
  });
  if (!result.success) {
    throw new SharedCostConfigError(
      result.error.issues.map(
        issue => `${formatConfigPath(issue.path)} ${issue.message}`,
      ),
    );
  }
  const { sharedCostPools = [], unusedCommitmentPool } = result.data;
  return {
    pools: sharedCostPools.map(normalizePool),
    ...(unusedCommitmentPool !== undefined && { unusedCommitmentPool }),
  };
}

/**
 * Reads `finopsItam.sharedCostPools` and `finopsItam.unusedCommitmentPool` at start.
 * @public
 */
export function readSharedCostConfig(config: Config): SharedCostConfig {
  return parseSharedCostConfig({
    sharedCostPools: config.getOptional('finopsItam.sharedCostPools'),
    unusedCommitmentPool: config.getOptional('finopsItam.unusedCommitmentPool'),
  });
}
