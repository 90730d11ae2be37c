import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SHIPPED_GLOSSARY } from '../glossary/shippedGlossary';
import { finopsItamPlugin } from '../plugin';

jest.setTimeout(120_000);

const glossary = {
  'cost-center': {
    term: 'Cost centre',
    definition: 'The finance code a team’s chargeback is booked to.',
    aliases: ['CC'],
  },
  'unit-cost': { definition: 'Monthly all-in cost per active customer.' },
};

describe('GET /glossary', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'lists the shipped terms with the organisation’s, alphabetically, or 403, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const start = (deny: boolean) =>
        startTestBackend({
          features: [
            finopsItamPlugin,
            mockServices.database.factory({ knex }),
            catalogServiceMock.factory({ entities: [] }),
            mockServices.rootConfig.factory({
              data: { finopsItam: { glossary } },
            }),
            ...(deny
              ? [
                  mockServices.permissions.factory({
                    result: AuthorizeResult.DENY,
                  }),
                ]
              : []),
          ],
        });
      const get = async (deny: boolean) =>
        request((await start(deny)).server)
          .get('/api/finops-itam/glossary')
          .set('Authorization', mockCredentials.user.header());

      const response = await get(false);
      expect(response.status).toBe(200);
      const terms: Array<{ id: string; term: string }> = response.body.terms;
      // One term added; unit-cost overridden, not added.
      expect(terms).toHaveLength(SHIPPED_GLOSSARY.length + 1);
      expect(terms.find(t => t.id === 'cost-center')).toEqual({
        id: 'cost-center',
        term: 'Cost centre',
        aliases: ['CC'],
        discipline: 'both',
        definition: 'The finance code a team’s chargeback is booked to.',
        source: { title: 'Defined by this organisation', url: null },
      });
      expect(terms.find(t => t.id === 'unit-cost')).toMatchObject({
        definition: 'Monthly all-in cost per active customer.',
        source: { title: 'Defined by this organisation', url: null },
      });
      // "Cost centre" sorts between "Contracted cost" and "Crawl, Walk, Run".
      const names = terms.map(t => t.term);
      expect(names).toEqual(
        [...names].sort((a, b) => a.localeCompare(b, 'en')),
      );

      expect((await get(true)).status).toBe(403);
    },
  );
});
