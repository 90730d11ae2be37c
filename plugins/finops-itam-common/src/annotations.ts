/**
 * Annotation keys that tie catalog entities to costs, licenses and business metrics.
 * The catalog module validates their values; the backend reads them for allocation.
 */

/** Prefix shared by every finops-itam annotation. @public */
export const FINOPS_ITAM_ANNOTATION_PREFIX = 'finops-itam.io/';

/**
 * Comma-separated `key=value` tag pairs that must all match a cost row's tags; a value may
 * list alternatives with `|`, e.g. `application=checkout|checkout-v2,environment=prod`.
 * @public
 */
export const ANNOTATION_COST_TAGS = 'finops-itam.io/cost-tags';

/**
 * AWS Cost Insights' tag annotation, read as an alias of {@link ANNOTATION_COST_TAGS} so
 * portals that already use it get costs without editing entities.
 * @public
 */
export const ANNOTATION_COST_INSIGHTS_TAGS =
  'aws.amazon.com/cost-insights-tags';

/** Comma-separated glob patterns (`*`) matched against ResourceId and ResourceName. @public */
export const ANNOTATION_COST_RESOURCES = 'finops-itam.io/cost-resources';

/** Comma-separated sub-account or billing-account ids the entity owns whole. @public */
export const ANNOTATION_COST_ACCOUNTS = 'finops-itam.io/cost-accounts';

/** Cost center of a Group, used for chargeback. @public */
export const ANNOTATION_COST_CENTER = 'finops-itam.io/cost-center';

/** Licensed products and quantities an entity uses, e.g. `rhel=2,microsoft-sql-server-enterprise=8`. @public */
export const ANNOTATION_LICENSES = 'finops-itam.io/licenses';

/** Name of the business metric that unit cost divides by, e.g. `orders`. @public */
export const ANNOTATION_UNIT_METRIC = 'finops-itam.io/unit-metric';

/**
 * On the `software-license` Resource entities the catalog module emits: the product id the
 * entity stands for. Written by the suite, never by hand. @public
 */
export const ANNOTATION_LICENSE_PRODUCT = 'finops-itam.io/license-product';

/** Every annotation key this suite reads or writes. @public */
export const FINOPS_ITAM_ANNOTATIONS = [
  ANNOTATION_COST_TAGS,
  ANNOTATION_COST_INSIGHTS_TAGS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_CENTER,
  ANNOTATION_LICENSES,
  ANNOTATION_UNIT_METRIC,
  ANNOTATION_LICENSE_PRODUCT,
] as const;
