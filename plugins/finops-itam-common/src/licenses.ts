/**
 * Names of the catalog entities the catalog module emits per licensed product. The license
 * API's types are generated from the contract (`schema/openapi/generated`).
 */

/** `spec.type` of the Resource entity the catalog module emits per licensed product. @public */
export const SOFTWARE_LICENSE_RESOURCE_TYPE = 'software-license';

/**
 * Name of the `software-license` Resource entity of a product: prefixed so that a product id
 * such as `rhel` never collides with a real Resource of the same name. @public
 */
export function licenseResourceName(productId: string): string {
  return `license-${productId}`;
}

/** Entity ref of a product's `software-license` Resource, e.g. `resource:default/license-rhel`. @public */
export function licenseResourceEntityRef(productId: string): string {
  return `resource:default/${licenseResourceName(productId)}`;
}
