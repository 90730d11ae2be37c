import { Knex } from 'knex';
import { insertFacts } from '../allocation/__testUtils__/facts';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationConfig } from './migrations';
import { groupedExactSums } from './groupedExactSums';

jest.setTimeout(60_000);

const sums = (knex: Knex) =>
  groupedExactSums(
    knex,
    () => knex('finops_itam_cost_facts'),
    { resourceId: 'resource_id', currency: 'currency' },
    'effective_cost',
  ).then(rows =>
    rows.sort((a, b) =>
      `${a.resourceId}${a.currency}`.localeCompare(
        `${b.resourceId}${b.currency}`,
      ),
    ),
  );

const fact = (resourceId: string, effectiveCost: string, currency = 'USD') => ({
  day: '2026-11-01',
  resourceId,
  currency,
  billedCost: '0',
  effectiveCost,
});

describe('groupedExactSums', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'sums decimal amounts exactly per group, negatives and 16 decimals included, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        fact('a', '0.1'),
        fact('a', '0.2'),
        fact('a', '0.0000000000000001'),
        fact('a', '7'),
        fact('b', '-0.25'),
        fact('b', '0.25'),
        fact('b', '12.5', 'EUR'),
        fact('c', '-1.00000001'),
        fact('c', '-0.99999999'),
      ]);
      const statements: string[] = [];
      const listen = (q: { sql: string }) => statements.push(q.sql);
      knex.on('query', listen);
      // 0.1 + 0.2 + 0.0000000000000001 + 7; -0.25 + 0.25; 12.5 EUR; -1.00000001 - 0.99999999
      const result = await sums(knex);
      knex.off('query', listen);
      // One grouped statement: no fact row is read into JavaScript.
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/group by/i);
      expect(result).toEqual([
        { resourceId: 'a', currency: 'USD', amount: '7.3000000000000001' },
        { resourceId: 'b', currency: 'EUR', amount: '12.5' },
        { resourceId: 'b', currency: 'USD', amount: '0' },
        { resourceId: 'c', currency: 'USD', amount: '-2' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stays exact for amounts too large to sum in 64 bits, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        fact('big', '9000000000000000000000.5'),
        fact('big', '9000000000000000000000.25'),
        fact('small', '1.5'),
      ]);
      expect(await sums(knex)).toEqual([
        {
          resourceId: 'big',
          currency: 'USD',
          amount: '18000000000000000000000.75',
        },
        { resourceId: 'small', currency: 'USD', amount: '1.5' },
      ]);
    },
  );
});
