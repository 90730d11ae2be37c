import { ConfigReader } from '@backstage/config';
import { readLicenseConfig } from './licenseConfig';

const read = (licenses: object) =>
  readLicenseConfig(new ConfigReader({ finopsItam: { licenses } }));

describe('finopsItam.licenses config', () => {
  it('has working defaults', () => {
    const config = readLicenseConfig(new ConfigReader({}));
    expect(config.products).toEqual([]);
    expect(config.entitlementSources).toEqual([]);
    expect(config.costData.productTag).toBe('license-product');
    expect(config.costData.modelTag).toBe('license-model');
    expect(config.inactiveSeatDays).toBe(90);
    expect(config.evaluationDays).toBe(30);
    expect(read({ evaluationDays: 90 }).evaluationDays).toBe(90);
  });

  it('reads instance types with threads per core, host types and the host tag', () => {
    const config = read({
      instanceTypes: {
        'm9.large': 2,
        'm9g.large': { vcpus: 2, threadsPerCore: 1 },
      },
      hostTypes: { m9: { physicalCores: 48, sockets: 2 } },
      costData: { hostTag: 'host-id' },
    });
    expect(config.instanceTypes).toEqual({
      'm9.large': 2,
      'm9g.large': { vcpus: 2, threadsPerCore: 1 },
    });
    expect(config.hostTypes).toEqual({ m9: { physicalCores: 48, sockets: 2 } });
    expect(config.costData.hostTag).toBe('host-id');
    expect(readLicenseConfig(new ConfigReader({})).costData.hostTag).toBe(
      'license-host',
    );
  });

  it('overrides one number of a shipped product and defines a new product', () => {
    const config = read({
      products: [
        {
          id: 'rhel',
          rule: { vmsPerLicense: 1 },
          listPrice: { amount: '349', currency: 'USD' },
        },
        {
          id: 'acme-db',
          publisher: 'Acme',
          name: 'Acme DB',
          metric: 'per-instance',
        },
      ],
    });
    expect(config.products[0]).toMatchObject({
      id: 'rhel',
      name: 'Red Hat Enterprise Linux',
      metric: 'subscription',
      rule: { vmsPerLicense: 1 },
      listPrice: { amount: '349', currency: 'USD' },
    });
    expect(config.products[1]).toEqual({
      id: 'acme-db',
      publisher: 'Acme',
      name: 'Acme DB',
      metric: 'per-instance',
      rule: {},
    });
  });

  it.each([
    [
      { products: [{ id: 'acme-db', name: 'Acme' }] },
      /products\[0\] defines new product "acme-db" but publisher/,
    ],
    [
      { products: [{ id: 'rhel', rule: { packSize: -2 } }] },
      /products\[0\]: rule.packSize must be more than 0/,
    ],
    [
      { products: [{ id: 'rhel' }, { id: 'rhel' }] },
      /products\[1\]: product "rhel" is defined twice/,
    ],
    [
      { entitlementSources: [{ id: 'api', location: 'x.yaml' }] },
      /entitlementSources\[0\]\.id "api"/,
    ],
    [
      {
        seatSources: [
          { id: 'seats', productId: 'Bad Product', location: 'x.csv' },
        ],
      },
      /seatSources\[0\]\.productId "Bad Product"/,
    ],
    [
      { costData: { windowDays: 0 } },
      /costData.windowDays must be a whole number of days/,
    ],
    [
      { evaluationDays: 0.5 },
      /licenses.evaluationDays must be a whole number of days/,
    ],
    [
      { evaluationDays: 60, costData: { windowDays: 45 } },
      /evaluationDays \(60\) must not exceed .*windowDays \(45\)/,
    ],
    [
      {
        costData: {
          skuProducts: [{ pattern: 'x', productId: 'rhel', model: 'free' }],
        },
      },
      /skuProducts\[0\]\.model/,
    ],
    [
      { instanceTypes: { 'm9.huge': 'lots' } },
      /instanceTypes.m9.huge must be a whole number/,
    ],
    [
      { instanceTypes: { 'm9.huge': { vcpus: 8, threadsPerCore: 4 } } },
      /instanceTypes.m9.huge.threadsPerCore must be 1 or 2/,
    ],
    [
      { hostTypes: { m9: { physicalCores: 48 } } },
      /hostTypes.m9.sockets must be a whole number/,
    ],
  ])('refuses %j naming the key', (licenses, message) => {
    expect(() => read(licenses)).toThrow(message);
  });
});
