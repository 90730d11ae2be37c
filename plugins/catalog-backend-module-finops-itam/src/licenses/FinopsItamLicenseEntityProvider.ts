import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { licenseResourceName } from '@finops-itam/plugin-finops-itam-common';
import { LicenseCatalogFeed } from './LicenseCatalogClient';
import { licenseResourceEntity } from './licenseResourceEntity';

const PROVIDER_NAME = 'finops-itam-licenses';

/**
 * Emits one `software-license` Resource per product that has an entitlement, read from the
 * finops-itam backend. Each refresh replaces the whole set, so a product whose last
 * entitlement is gone disappears from the catalog. A failed read keeps what the catalog
 * has: an outage of the license feed must not delete every license entity.
 */
export class FinopsItamLicenseEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly feed: LicenseCatalogFeed,
    private readonly logger: LoggerService,
  ) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /** Reads the feed and replaces the provider's entities; returns how many were emitted. */
  async refresh(): Promise<number> {
    if (!this.connection) {
      throw new Error(
        `${PROVIDER_NAME} refreshed before the catalog connected it`,
      );
    }
    const [products, locationRef] = await Promise.all([
      this.feed.products(),
      this.feed.locationRef(),
    ]);
    const entities: Entity[] = [];
    for (const product of products) {
      // Product ids are validated kebab-case by the backend; this guards the catalog
      // against an older or foreign backend rather than failing the whole refresh.
      if (
        !KubernetesValidatorFunctions.isValidObjectName(
          licenseResourceName(product.productId),
        )
      ) {
        this.logger.warn(
          `Skipped license product "${product.productId}": not usable as an entity name`,
        );
        continue;
      }
      entities.push(licenseResourceEntity(product, locationRef));
    }
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: PROVIDER_NAME,
      })),
    });
    return entities.length;
  }
}
