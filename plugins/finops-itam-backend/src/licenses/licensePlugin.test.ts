import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { finopsItamPlugin } from '../plugin';
import { testEntity } from './__testUtils__/licenseFixtures';

jest.setTimeout(60_000);

describe('the license API in the running plugin', () => {
  it('mounts the license routes, reads finopsItam.licenses and stores entitlements', async () => {
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        catalogServiceMock.factory({
          entities: [
            testEntity('Component', 'search', {
              annotations: { 'finops-itam.io/licenses': 'rhel=3,acme-db=2' },
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            finopsItam: {
              licenses: {
                products: [
                  {
                    id: 'acme-db',
                    publisher: 'Acme',
                    name: 'Acme DB',
                    metric: 'per-instance',
                  },
                ],
                unauthorizedProducts: ['acme-db'],
              },
            },
          },
        }),
      ],
    });
    const user = mockCredentials.user.header();

    const put = await request(server)
      .put('/api/finops-itam/licenses/entitlements')
      .set('Authorization', user)
      .send([
        {
          id: 'rh-1',
          productId: 'rhel',
          quantity: 2,
          cost: { amount: '799', currency: 'USD', per: 'unit' },
          termStart: '2026-01-01',
          termEnd: '2099-12-31',
          owner: 'group:default/team-platform',
        },
      ]);
    expect(put.status).toBe(200);

    const position = await request(server)
      .get('/api/finops-itam/licenses/position')
      .set('Authorization', user);
    expect(position.status).toBe(200);
    expect(
      position.body.map((p: any) => [
        p.productId,
        p.entitled,
        p.required,
        p.status,
      ]),
    ).toEqual([
      ['acme-db', 0, 2, 'shortage'],
      ['rhel', 2, 3, 'shortage'],
    ]);

    const entity = await request(server)
      .get('/api/finops-itam/entities/component/default/search/licenses')
      .set('Authorization', user);
    expect(entity.status).toBe(200);
    expect(
      entity.body.products.find((p: any) => p.productId === 'acme-db').flags,
    ).toEqual([expect.objectContaining({ kind: 'unauthorized-product' })]);
  });
});
