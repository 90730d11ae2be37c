import { testEntity } from './__testUtils__/licenseFixtures';
import { licenseRollups } from './licenseRollups';

describe('licenseRollups', () => {
  it('lists the members of Systems and Domains only, as cost allocation rolls them up', () => {
    const rollups = licenseRollups([
      testEntity('Group', 'team-a'),
      testEntity('Domain', 'commerce', { spec: { owner: 'team-a' } }),
      testEntity('System', 'shop', {
        spec: { domain: 'commerce', owner: 'team-a' },
      }),
      testEntity('Component', 'payments', {
        spec: { system: 'shop', owner: 'team-a' },
      }),
      testEntity('Resource', 'orders-db', {
        spec: { system: 'system:default/shop' },
      }),
      testEntity('Component', 'loner', { spec: { owner: 'team-a' } }),
    ]);
    expect(
      Object.fromEntries(
        [...rollups].map(([ref, members]) => [ref, [...members].sort()]),
      ),
    ).toEqual({
      'domain:default/commerce': [
        'component:default/payments',
        'domain:default/commerce',
        'resource:default/orders-db',
        'system:default/shop',
      ],
      'system:default/shop': [
        'component:default/payments',
        'resource:default/orders-db',
        'system:default/shop',
      ],
    });
  });
});
