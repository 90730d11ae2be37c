import {
  Entity,
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';
import {
  ANNOTATION_LICENSE_PRODUCT,
  LicenseCatalogProduct,
  SOFTWARE_LICENSE_RESOURCE_TYPE,
  licenseResourceName,
} from '@finops-itam/plugin-finops-itam-common';

/**
 * The `software-license` Resource entity of one licensed product. Consumers are listed in
 * `spec.dependencyOf`, which the catalog turns into `dependsOn` relations on each consuming
 * entity, so the graph shows who uses what without editing those entities.
 *
 * @param locationRef - `url:` location of the feed the entity came from, for managed-by
 */
export function licenseResourceEntity(
  product: LicenseCatalogProduct,
  locationRef: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: licenseResourceName(product.productId),
      namespace: 'default',
      title: product.productName,
      description:
        `${product.publisher} ${product.productName}, counted ${product.metric}: ` +
        `${product.entitled} entitled, ${product.required} required.`,
      tags: ['software-license'],
      annotations: {
        [ANNOTATION_LOCATION]: locationRef,
        [ANNOTATION_ORIGIN_LOCATION]: locationRef,
        [ANNOTATION_LICENSE_PRODUCT]: product.productId,
      },
    },
    spec: {
      type: SOFTWARE_LICENSE_RESOURCE_TYPE,
      owner: product.owner,
      dependencyOf: product.consumers,
    },
  };
}
