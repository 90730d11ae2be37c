import { mockServices } from '@backstage/backend-test-utils';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { LicenseCatalogProduct } from '@finops-itam/plugin-finops-itam-common';
import { FinopsItamLicenseEntityProvider } from './FinopsItamLicenseEntityProvider';
import { LicenseCatalogFeed } from './LicenseCatalogClient';

const sqlServer: LicenseCatalogProduct = {
  productId: 'microsoft-sql-server-enterprise',
  productName: 'SQL Server Enterprise',
  publisher: 'Microsoft',
  metric: 'per-core',
  owner: 'group:default/itam',
  entitled: 16,
  required: 18,
  consumers: ['component:default/orders-db', 'component:default/payments'],
};

function feedOf(
  products: () => Promise<LicenseCatalogProduct[]>,
): LicenseCatalogFeed {
  return {
    products,
    locationRef: async () =>
      'url:http://backend/api/finops-itam/licenses/catalog',
  };
}

function recordingConnection() {
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
  return { connection, mutations };
}

describe('FinopsItamLicenseEntityProvider', () => {
  it('emits one software-license Resource per product, depended on by its consumers', async () => {
    const provider = new FinopsItamLicenseEntityProvider(
      feedOf(async () => [sqlServer]),
      mockServices.logger.mock(),
    );
    const { connection, mutations } = recordingConnection();
    await provider.connect(connection);

    expect(await provider.refresh()).toBe(1);

    expect(mutations).toHaveLength(1);
    const mutation = mutations[0];
    expect(mutation.type).toBe('full');
    const [{ entity, locationKey }] =
      mutation.type === 'full' ? mutation.entities : [];
    expect(locationKey).toBe('finops-itam-licenses');
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'license-microsoft-sql-server-enterprise',
        namespace: 'default',
        title: 'SQL Server Enterprise',
        annotations: {
          'finops-itam.io/license-product': 'microsoft-sql-server-enterprise',
          'backstage.io/managed-by-location':
            'url:http://backend/api/finops-itam/licenses/catalog',
        },
      },
      spec: {
        type: 'software-license',
        owner: 'group:default/itam',
        dependencyOf: [
          'component:default/orders-db',
          'component:default/payments',
        ],
      },
    });
    expect(entity.metadata.description).toContain('16 entitled, 18 required');
  });

  it('replaces the whole set, so products without entitlements disappear', async () => {
    let products = [sqlServer];
    const provider = new FinopsItamLicenseEntityProvider(
      feedOf(async () => products),
      mockServices.logger.mock(),
    );
    const { connection, mutations } = recordingConnection();
    await provider.connect(connection);
    await provider.refresh();
    products = [];

    expect(await provider.refresh()).toBe(0);

    expect(mutations[1]).toEqual({ type: 'full', entities: [] });
  });

  it('keeps the catalog as it is when the feed cannot be read', async () => {
    const provider = new FinopsItamLicenseEntityProvider(
      feedOf(async () => {
        throw new Error('GET .../licenses/catalog answered 503');
      }),
      mockServices.logger.mock(),
    );
    const { connection, mutations } = recordingConnection();
    await provider.connect(connection);

    await expect(provider.refresh()).rejects.toThrow('answered 503');
    expect(mutations).toEqual([]);
  });

  it('skips a product whose id cannot name an entity and keeps the others', async () => {
    const logger = mockServices.logger.mock();
    const provider = new FinopsItamLicenseEntityProvider(
      feedOf(async () => [
        { ...sqlServer, productId: 'SQL Server/2022' },
        { ...sqlServer, productId: 'rhel' },
      ]),
      logger,
    );
    const { connection } = recordingConnection();
    await provider.connect(connection);

    expect(await provider.refresh()).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('"SQL Server/2022"'),
    );
  });

  it('refuses to refresh before the catalog connected it', async () => {
    const provider = new FinopsItamLicenseEntityProvider(
      feedOf(async () => [sqlServer]),
      mockServices.logger.mock(),
    );
    await expect(provider.refresh()).rejects.toThrow(
      'before the catalog connected',
    );
  });
});
