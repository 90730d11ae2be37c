import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_CENTER,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
  ANNOTATION_LICENSES,
  ANNOTATION_UNIT_METRIC,
  FINOPS_ITAM_ANNOTATIONS,
  ANNOTATION_LICENSE_PRODUCT,
  FINOPS_ITAM_ANNOTATION_PREFIX,
} from './annotations';

/**
 * Outcome of parsing one annotation value. Errors are sentences meant for the entity's
 * author: each says where the problem is and how to fix it.
 * @public
 */
export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; errors: string[] };

/**
 * One `key=value` condition of a cost-tags annotation. A cost row matches when its tag
 * `key` (compared case-insensitively) equals one of `values` exactly.
 * @public
 */
export interface CostTagSelector {
  /** Tag key, trimmed and lowercased. */
  key: string;
  /** Accepted tag values, trimmed; any one of them matches. */
  values: string[];
}

/**
 * A licensed product and how many units of it an entity needs.
 * @public
 */
export interface LicenseRequirement {
  /** Lowercase kebab-case product id, e.g. `microsoft-sql-server-enterprise`. */
  productId: string;
  /** Positive whole number of units in the product's own metric. */
  quantity: number;
}

/**
 * Parsed values of the finops-itam annotations an entity carries; a field is undefined
 * when its annotation is absent or invalid.
 * @public
 */
export interface FinopsItamAnnotationValues {
  costTags?: CostTagSelector[];
  costResources?: string[];
  costAccounts?: string[];
  costCenter?: string;
  licenses?: LicenseRequirement[];
  unitMetric?: string;
}

/**
 * Result of {@link parseFinopsItamAnnotations}: what could be read, and the problems
 * found, keyed by annotation key. `errors` is empty when every annotation is valid.
 * @public
 */
export interface FinopsItamAnnotationsParseResult {
  value: FinopsItamAnnotationValues;
  errors: Record<string, string[]>;
}

const EMPTY_VALUE = 'is empty';
const LICENSE_PRODUCT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const POSITIVE_INTEGER = /^[1-9][0-9]*$/;
const UNIT_METRIC = /^[a-z0-9_-]+$/;

function resultOf<T>(errors: string[], value: T): ParseResult<T> {
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

// Items are numbered from 1 in messages because authors count that way.
function listItems(value: string): { n: number; text: string }[] {
  return value.split(',').map((text, i) => ({ n: i + 1, text: text.trim() }));
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * Parses `finops-itam.io/cost-tags` (and its alias `aws.amazon.com/cost-insights-tags`):
 * comma-separated `key=value` pairs, where a value may list alternatives with `|`.
 * @public
 */
export function parseCostTagsAnnotation(
  value: string,
): ParseResult<CostTagSelector[]> {
  if (value.trim() === '') {
    return {
      ok: false,
      errors: [
        `${EMPTY_VALUE}: write key=value pairs, e.g. application=checkout`,
      ],
    };
  }
  const errors: string[] = [];
  const selectors: CostTagSelector[] = [];
  const pairOfKey = new Map<string, number>();

  for (const { n, text } of listItems(value)) {
    if (text === '') {
      errors.push(`pair ${n} is empty: remove the extra comma`);
      continue;
    }
    const eq = text.indexOf('=');
    if (eq < 0) {
      errors.push(`pair ${n} "${text}" has no "=": write key=value`);
      continue;
    }
    const key = text.slice(0, eq).trim().toLowerCase();
    const rawValue = text.slice(eq + 1);
    if (key === '') {
      errors.push(`pair ${n} "${text}" has an empty key: write key=value`);
      continue;
    }
    if (rawValue.trim() === '') {
      errors.push(`pair ${n} "${key}" has an empty value: write ${key}=value`);
      continue;
    }
    const alternatives = rawValue.split('|').map(v => v.trim());
    if (alternatives.some(v => v === '')) {
      errors.push(
        `pair ${n} "${key}" has an empty alternative in "${rawValue.trim()}": remove the extra "|"`,
      );
      continue;
    }
    const earlier = pairOfKey.get(key);
    if (earlier !== undefined) {
      errors.push(
        `pair ${n} repeats key "${key}" of pair ${earlier}: list alternatives in one pair, e.g. ${key}=a|b`,
      );
      continue;
    }
    pairOfKey.set(key, n);
    selectors.push({ key, values: unique(alternatives) });
  }
  return resultOf(errors, selectors);
}

/**
 * Parses `finops-itam.io/cost-resources`: comma-separated glob patterns, where only `*`
 * is special, matched against a cost row's ResourceId and ResourceName.
 * @public
 */
export function parseCostResourcesAnnotation(
  value: string,
): ParseResult<string[]> {
  if (value.trim() === '') {
    return {
      ok: false,
      errors: [`${EMPTY_VALUE}: write resource patterns, e.g. checkout-*`],
    };
  }
  const errors: string[] = [];
  const patterns: string[] = [];
  for (const { n, text } of listItems(value)) {
    if (text === '') {
      errors.push(`pattern ${n} is empty: remove the extra comma`);
    } else if (/^\*+$/.test(text)) {
      // A bare wildcard would claim every resource in every export for one entity.
      errors.push(
        `pattern ${n} "${text}" matches every resource: narrow it, e.g. checkout-*`,
      );
    } else {
      patterns.push(text);
    }
  }
  return resultOf(errors, unique(patterns));
}

/**
 * Parses `finops-itam.io/cost-accounts`: comma-separated sub-account or billing-account ids.
 * @public
 */
export function parseCostAccountsAnnotation(
  value: string,
): ParseResult<string[]> {
  if (value.trim() === '') {
    return {
      ok: false,
      errors: [`${EMPTY_VALUE}: write account ids, e.g. 123456789012`],
    };
  }
  const errors: string[] = [];
  const ids: string[] = [];
  for (const { n, text } of listItems(value)) {
    if (text === '') {
      errors.push(`account ${n} is empty: remove the extra comma`);
    } else if (/\s/.test(text)) {
      // Account ids never contain spaces; a space almost always means a missing comma.
      errors.push(
        `account ${n} "${text}" contains whitespace: separate ids with commas`,
      );
    } else {
      ids.push(text);
    }
  }
  return resultOf(errors, unique(ids));
}

/**
 * Parses `finops-itam.io/cost-center` (on Groups): one non-empty cost center, no commas.
 * @public
 */
export function parseCostCenterAnnotation(value: string): ParseResult<string> {
  const costCenter = value.trim();
  if (costCenter === '') {
    return {
      ok: false,
      errors: [`${EMPTY_VALUE}: write the group's cost center, e.g. CC-1234`],
    };
  }
  if (costCenter.includes(',')) {
    return {
      ok: false,
      errors: [
        `"${costCenter}" lists more than one cost center: a group has exactly one`,
      ],
    };
  }
  return { ok: true, value: costCenter };
}

/**
 * Parses `finops-itam.io/licenses`: comma-separated `product-id=quantity` pairs, e.g.
 * `microsoft-sql-server-enterprise=8,rhel=2`.
 * @public
 */
export function parseLicensesAnnotation(
  value: string,
): ParseResult<LicenseRequirement[]> {
  if (value.trim() === '') {
    return {
      ok: false,
      errors: [`${EMPTY_VALUE}: write product-id=quantity pairs, e.g. rhel=2`],
    };
  }
  const errors: string[] = [];
  const licenses: LicenseRequirement[] = [];
  const pairOfProduct = new Map<string, number>();

  for (const { n, text } of listItems(value)) {
    if (text === '') {
      errors.push(`pair ${n} is empty: remove the extra comma`);
      continue;
    }
    const eq = text.indexOf('=');
    if (eq < 0) {
      errors.push(`pair ${n} "${text}" has no "=": write product-id=quantity`);
      continue;
    }
    const productId = text.slice(0, eq).trim();
    const quantity = text.slice(eq + 1).trim();
    if (productId === '') {
      errors.push(
        `pair ${n} "${text}" has an empty product id: write product-id=quantity`,
      );
      continue;
    }
    if (!LICENSE_PRODUCT_ID.test(productId)) {
      errors.push(
        `pair ${n} product id "${productId}" is not lowercase kebab-case: use letters, digits and single dashes, e.g. ${suggestProductId(
          productId,
        )}`,
      );
      continue;
    }
    if (!POSITIVE_INTEGER.test(quantity)) {
      errors.push(
        `pair ${n} "${productId}" has quantity "${quantity}": write a positive whole number, e.g. ${productId}=2`,
      );
      continue;
    }
    const earlier = pairOfProduct.get(productId);
    if (earlier !== undefined) {
      errors.push(
        `pair ${n} repeats product "${productId}" of pair ${earlier}: add the quantities into one pair`,
      );
      continue;
    }
    pairOfProduct.set(productId, n);
    licenses.push({ productId, quantity: Number(quantity) });
  }
  return resultOf(errors, licenses);
}

function suggestProductId(productId: string): string {
  const suggestion = productId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return suggestion === '' ? 'rhel' : suggestion;
}

/**
 * Parses `finops-itam.io/unit-metric`: a metric name of lowercase letters, digits, `-`
 * and `_`, e.g. `orders`.
 * @public
 */
export function parseUnitMetricAnnotation(value: string): ParseResult<string> {
  const metric = value.trim();
  if (metric === '') {
    return {
      ok: false,
      errors: [`${EMPTY_VALUE}: write a metric name, e.g. orders`],
    };
  }
  if (!UNIT_METRIC.test(metric)) {
    return {
      ok: false,
      errors: [
        `"${metric}" is not a metric name: use lowercase letters, digits, "-" and "_", e.g. orders`,
      ],
    };
  }
  return { ok: true, value: metric };
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(FINOPS_ITAM_ANNOTATIONS);
// The keys to suggest for a misspelt one: those people write, not the one the suite writes.
const PREFIXED_KEYS = FINOPS_ITAM_ANNOTATIONS.filter(
  key =>
    key.startsWith(FINOPS_ITAM_ANNOTATION_PREFIX) &&
    key !== ANNOTATION_LICENSE_PRODUCT,
);

/**
 * Validates every finops-itam annotation present in `annotations` and returns the parsed
 * values with per-key errors. A key under `finops-itam.io/` that the suite does not read
 * is reported too, since a misspelt key would otherwise drop costs without a trace.
 * When both `finops-itam.io/cost-tags` and its alias are set, both are validated and the
 * finops-itam key wins.
 * @public
 */
export function parseFinopsItamAnnotations(
  annotations: Record<string, string>,
): FinopsItamAnnotationsParseResult {
  const errors: Record<string, string[]> = {};

  function read<T>(
    key: string,
    parse: (raw: string) => ParseResult<T>,
  ): T | undefined {
    const raw = annotations[key];
    if (raw === undefined) {
      return undefined;
    }
    const result = parse(raw);
    if (!result.ok) {
      errors[key] = result.errors;
      return undefined;
    }
    return result.value;
  }

  const costTags = read(ANNOTATION_COST_TAGS, parseCostTagsAnnotation);
  const aliasTags = read(
    ANNOTATION_COST_INSIGHTS_TAGS,
    parseCostTagsAnnotation,
  );
  const value: FinopsItamAnnotationValues = {
    // An invalid finops-itam key must not fall back to a possibly stale alias.
    costTags:
      annotations[ANNOTATION_COST_TAGS] === undefined ? aliasTags : costTags,
    costResources: read(
      ANNOTATION_COST_RESOURCES,
      parseCostResourcesAnnotation,
    ),
    costAccounts: read(ANNOTATION_COST_ACCOUNTS, parseCostAccountsAnnotation),
    costCenter: read(ANNOTATION_COST_CENTER, parseCostCenterAnnotation),
    licenses: read(ANNOTATION_LICENSES, parseLicensesAnnotation),
    unitMetric: read(ANNOTATION_UNIT_METRIC, parseUnitMetricAnnotation),
  };

  for (const key of Object.keys(annotations)) {
    if (key.startsWith(FINOPS_ITAM_ANNOTATION_PREFIX) && !KNOWN_KEYS.has(key)) {
      errors[key] = [
        `is not an annotation finops-itam reads: use one of ${PREFIXED_KEYS.join(
          ', ',
        )}`,
      ];
    }
  }

  return { value, errors };
}
