import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { TestFact, insertFacts } from '../allocation/__testUtils__/facts';
import {
  ALICE,
  CAROL,
  as,
  startWithBudgets,
} from '../budgets/__testUtils__/startWithBudgets';

jest.setTimeout(180_000);

const API = '/api/finops-itam';
const today = DateTime.utc().startOf('day');
const iso = (date: DateTime) => date.toISODate()!;
const yesterday = iso(today.minus({ days: 1 }));
const lastMonth = today.minus({ months: 1 }).startOf('month');
const lastMonthDays = lastMonth.daysInMonth!;
const nextMonth = today.plus({ months: 1 }).startOf('month');
const nextMonthDays = nextMonth.daysInMonth!;
const yearStart = `${today.year}-01-01`;
const SQL = 'microsoft-sql-server-enterprise';

/**
 * 70 days up to yesterday: checkout costs 100 USD a day, search 50 USD, euro-shop 10 EUR.
 * Last month is complete in them, whatever today is.
 */
function dailyFacts(): TestFact[] {
  const facts: TestFact[] = [];
  for (let back = 1; back <= 70; back++) {
    const day = iso(today.minus({ days: back }));
    facts.push(
      { day, tags: { application: 'checkout' }, billedCost: '100' },
      { day, tags: { application: 'search' }, billedCost: '50' },
      {
        day,
        tags: { application: 'euro-shop' },
        currency: 'EUR',
        billedCost: '10',
      },
    );
  }
  return facts;
}

const month = (
  id: string,
  entityRef: string,
  start: DateTime,
  amount: string,
  extra: Record<string, unknown> = {},
) => ({
  id,
  entityRef,
  period: 'month',
  start: iso(start),
  amount,
  currency: 'USD',
  scope: 'all-in',
  ...extra,
});

/** Budgets with known answers from the facts above. */
const budgets = [
  // Last month: checkout spent 100 a day against half of that.
  month(
    'checkout-last',
    'component:default/checkout',
    lastMonth,
    `${50 * lastMonthDays}.00`,
  ),
  // Last month: search spent exactly its budget; 100 % is not over it.
  month(
    'search-last',
    'component:default/search',
    lastMonth,
    `${50 * lastMonthDays}.00`,
  ),
  // euro-shop's cost is in EUR: never compared with a USD budget.
  month('euro-last', 'component:default/euro-shop', lastMonth, '100'),
  // The team's budget, partly given to its services' budgets above.
  month('team-last', 'group:default/team-a', lastMonth, '100000'),
  // Next month: checkout is forecast at about 100 a day, twice this budget…
  month(
    'checkout-next',
    'Component:default/checkout',
    nextMonth,
    `${50 * nextMonthDays}`,
  ),
  // …and at a tenth of this cloud budget.
  month(
    'checkout-next-cloud',
    'component:default/checkout',
    nextMonth,
    `${1000 * nextMonthDays}`,
    { scope: 'cloud' },
  ),
];

/** From app-config: search's cloud cost this year against 1 USD, crossed at once. */
const configBudgets = [
  {
    id: 'search-year',
    entityRef: 'component:default/search',
    period: 'year',
    start: yearStart,
    amount: '1',
    currency: 'USD',
    scope: 'cloud',
  },
];

describe('budget and forecast routes', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let env: Awaited<ReturnType<typeof startWithBudgets>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      env = await startWithBudgets(knex, { budgets: configBudgets });
      await insertFacts(knex, dailyFacts());
      const run = await request(env.server)
        .post(`${API}/allocation/run`)
        .set('Authorization', mockCredentials.service.header());
      if (run.body.status !== 'succeeded') {
        throw new Error(`allocation run failed: ${JSON.stringify(run.body)}`);
      }
    });

    afterAll(async () => {
      await knex.destroy();
    });

    const put = (body: unknown, user = ALICE) =>
      request(env.server)
        .put(`${API}/budgets`)
        .set('Authorization', as(user))
        .send(body as object);
    const entityBudget = (entity: string, query: string) =>
      request(env.server)
        .get(`${API}/entities/${entity}/budget?${query}`)
        .set('Authorization', as(CAROL));
    const stored = async () =>
      (await knex('finops_itam_budgets').select('id').orderBy('id')).map(
        r => r.id,
      );

    it('stores app-config budgets at start-up as source config', async () => {
      expect(
        await knex('finops_itam_budgets').where('source', 'config'),
      ).toEqual([
        expect.objectContaining({
          id: 'search-year',
          entity_ref: 'component:default/search',
        }),
      ]);
    });

    it('upserts budgets by id, audited, and answers each with its status', async () => {
      const response = await put({ budgets });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ upserted: 6 });
      expect(env.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'budgets-upsert' }),
      );
      // By id: a second upsert of one budget changes it, not adds one.
      const again = await put([budgets[3]]);
      expect(again.body).toEqual({ upserted: 1 });
      expect(await stored()).toHaveLength(7);

      const list = await request(env.server)
        .get(`${API}/budgets?day=${iso(lastMonth.plus({ days: 3 }))}`)
        .set('Authorization', as(CAROL));
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: any) => i.budget.id).sort()).toEqual([
        'checkout-last',
        'euro-last',
        'search-last',
        // The config budget's year holds last month unless that was December.
        ...(lastMonth.year === today.year ? ['search-year'] : []),
        'team-last',
      ]);
    });

    it('is over once the actual passes the budget, and on track at exactly 100 %', async () => {
      const day = iso(lastMonth.plus({ days: 10 }));
      const over = await entityBudget(
        'component/default/checkout',
        `day=${day}`,
      );
      expect(over.status).toBe(200);
      expect(over.body).toMatchObject({
        entityRef: 'component:default/checkout',
        budget: {
          id: 'checkout-last',
          source: 'api',
          amount: `${50 * lastMonthDays}.00`,
        },
        periodStart: iso(lastMonth),
        periodEnd: iso(lastMonth.plus({ months: 1 })),
        through: yesterday,
        actual: { amount: String(100 * lastMonthDays), currency: 'USD' },
        // The period is over: the forecast is the actual.
        forecast: {
          expected: String(100 * lastMonthDays),
          low: String(100 * lastMonthDays),
          high: String(100 * lastMonthDays),
        },
        variance: 1,
        status: 'over',
        otherCurrencies: [],
        unbudgeted: null,
        message: null,
      });

      const onTrack = await entityBudget(
        'component/default/search',
        `day=${day}`,
      );
      expect(onTrack.body).toMatchObject({
        actual: { amount: String(50 * lastMonthDays), currency: 'USD' },
        variance: 0,
        status: 'on-track',
      });
    });

    it('is at risk when the forecast passes the budget, and under when it stays below 80 %', async () => {
      const day = iso(nextMonth.plus({ days: 1 }));
      const atRisk = await entityBudget(
        'component/default/checkout',
        `day=${day}`,
      );
      expect(atRisk.body).toMatchObject({
        budget: { id: 'checkout-next', scope: 'all-in' },
        // Nothing spent yet in a period that has not begun.
        actual: { amount: '0', currency: 'USD' },
        status: 'at-risk',
      });
      // About 100 a day over the month: near twice the budget.
      expect(Number(atRisk.body.forecastVariance)).toBeGreaterThan(0.8);
      expect(Number(atRisk.body.forecast.low)).toBeLessThanOrEqual(
        Number(atRisk.body.forecast.expected),
      );
      expect(Number(atRisk.body.forecast.high)).toBeGreaterThanOrEqual(
        Number(atRisk.body.forecast.expected),
      );

      const under = await entityBudget(
        'component/default/checkout',
        `day=${day}&scope=cloud`,
      );
      expect(under.body).toMatchObject({
        budget: { id: 'checkout-next-cloud', scope: 'cloud' },
        status: 'under',
      });
    });

    it('never compares cost in another currency with the budget', async () => {
      const response = await entityBudget(
        'component/default/euro-shop',
        `day=${iso(lastMonth)}`,
      );
      expect(response.body).toMatchObject({
        budget: { id: 'euro-last', currency: 'USD' },
        status: null,
        variance: null,
        otherCurrencies: [
          { amount: String(10 * lastMonthDays), currency: 'EUR' },
        ],
      });
      expect(response.body.message).toContain('EUR');
    });

    it("shows what a team's budget leaves to no service's budget", async () => {
      const response = await entityBudget(
        'group/default/team-a',
        `day=${iso(lastMonth)}`,
      );
      expect(response.body.budget.id).toBe('team-last');
      expect(response.body.unbudgeted).toEqual({
        amount: String(100000 - 50 * lastMonthDays - 50 * lastMonthDays - 100),
        currency: 'USD',
      });
      // The team's cost includes euro-shop's EUR: no status, the reason given.
      expect(response.body.status).toBeNull();
      expect(response.body.otherCurrencies).toEqual([
        { amount: String(10 * lastMonthDays), currency: 'EUR' },
      ]);
    });

    it('answers an entity without a budget with nulls and why', async () => {
      const response = await entityBudget(
        'system/default/shop',
        `day=${iso(today)}`,
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        entityRef: 'system:default/shop',
        budget: null,
        status: null,
      });
      expect(response.body.message).toContain('no budget');
    });

    it('answers 404 for an entity the catalog does not have', async () => {
      const budget = await entityBudget(
        'component/default/nope',
        'day=2026-01-01',
      );
      expect(budget.status).toBe(404);
      const forecast = await request(env.server)
        .get(`${API}/entities/component/default/nope/forecast`)
        .set('Authorization', as(CAROL));
      expect(forecast.status).toBe(404);
    });

    it('rejects a batch with any bad record, listing every problem and storing nothing', async () => {
      const before = await stored();
      const response = await put([
        month('negative', 'component:default/search', nextMonth, '-5'),
        month('ghost', 'component:default/nope', nextMonth, '10'),
        // checkout already has an all-in budget for last month.
        month('dup', 'component:default/checkout', lastMonth, '10'),
        month(
          'yen',
          'component:default/search',
          nextMonth.plus({ months: 1 }),
          '10',
          {
            currency: 'XYZ',
          },
        ),
        // A good one: not stored either.
        month(
          'fine',
          'component:default/search',
          nextMonth.plus({ months: 2 }),
          '10',
        ),
      ]);
      expect(response.status).toBe(400);
      expect(response.body.rejections).toEqual([
        {
          index: 0,
          id: 'negative',
          field: 'amount',
          reason: 'must not be negative',
        },
        {
          index: 1,
          id: 'ghost',
          field: 'entityRef',
          reason: 'component:default/nope is not in the catalog',
        },
        {
          index: 2,
          id: 'dup',
          field: 'start',
          reason: expect.stringContaining('overlaps budget checkout-last'),
        },
        {
          index: 3,
          id: 'yen',
          field: 'currency',
          reason: 'XYZ is not a current ISO 4217 currency code',
        },
      ]);
      expect(await stored()).toEqual(before);
      expect(env.event.fail).toHaveBeenCalled();
    });

    it('refuses writes without finops-itam.budget.manage, and API changes to config budgets', async () => {
      const before = await stored();
      const denied = await put([budgets[0]], CAROL);
      expect(denied.status).toBe(403);
      const deniedDelete = await request(env.server)
        .delete(`${API}/budgets/checkout-last`)
        .set('Authorization', as(CAROL));
      expect(deniedDelete.status).toBe(403);
      expect(await stored()).toEqual(before);

      const overwrite = await put([{ ...configBudgets[0], amount: '5' }]);
      expect(overwrite.status).toBe(400);
      expect(overwrite.body.rejections).toEqual([
        expect.objectContaining({ id: 'search-year', field: 'id' }),
      ]);
      const deleteConfig = await request(env.server)
        .delete(`${API}/budgets/search-year`)
        .set('Authorization', as(ALICE));
      expect(deleteConfig.status).toBe(400);
    });

    it('deletes an API budget', async () => {
      await put([
        month('short-lived', 'component:default/search', nextMonth, '10'),
      ]);
      const deleted = await request(env.server)
        .delete(`${API}/budgets/short-lived`)
        .set('Authorization', as(ALICE));
      expect(deleted.status).toBe(204);
      const again = await request(env.server)
        .delete(`${API}/budgets/short-lived`)
        .set('Authorization', as(ALICE));
      expect(again.status).toBe(404);
    });

    it('forecasts an entity day by day for 90 days and month by month for 13', async () => {
      const response = await request(env.server)
        .get(`${API}/entities/component/default/checkout/forecast`)
        .set('Authorization', as(CAROL));
      expect(response.status).toBe(200);
      const body = response.body;
      expect(body).toMatchObject({
        entityRef: 'component:default/checkout',
        currency: 'USD',
        through: yesterday,
        licenseChanges: [],
        otherCurrencies: [],
      });
      expect(body.method).toContain('Holt-Winters');
      expect(body.days).toHaveLength(90);
      expect(body.days[0].day).toBe(iso(today));
      expect(Number(body.days[0].expected)).toBeGreaterThan(90);
      expect(Number(body.days[0].expected)).toBeLessThan(110);
      expect(body.months).toHaveLength(13);
      expect(body.months[0]).toMatchObject({
        month: today.toFormat('yyyy-MM'),
        // The month's days so far at 100 a day.
        actual: String(100 * (today.day - 1)),
        license: '0',
      });
      expect(body.months[12].month).toBe(
        today.plus({ months: 12 }).toFormat('yyyy-MM'),
      );
    });

    it("puts a renewal of the team's entitlement among its known license changes", async () => {
      const termEnd = today.plus({ days: 39 });
      const entitlement = await request(env.server)
        .put(`${API}/licenses/entitlements`)
        .set('Authorization', as(ALICE))
        .send([
          {
            id: 'ea-team-a',
            productId: SQL,
            quantity: 4,
            cost: { amount: '1200', currency: 'USD', per: 'term' },
            termStart: iso(today.minus({ days: 20 })),
            termEnd: iso(termEnd),
            owner: 'group:default/team-a',
          },
        ]);
      expect(entitlement.status).toBe(200);

      const response = await request(env.server)
        .get(`${API}/entities/group/default/team-a/forecast`)
        .set('Authorization', as(CAROL));
      expect(response.status).toBe(200);
      // Nobody uses the licenses: the owner team carries them, as its shelfware.
      expect(response.body.licenseChanges[0]).toEqual({
        day: iso(termEnd.plus({ days: 1 })),
        amount: '1200',
        currency: 'USD',
        reason: 'renewal of ea-team-a at term end',
        productId: SQL,
      });
      const renewalMonth = termEnd.plus({ days: 1 }).toFormat('yyyy-MM');
      const month13 = response.body.months.find(
        (m: any) => m.month === renewalMonth,
      );
      expect(Number(month13.license)).toBeGreaterThan(0);

      // The service using none of them is not charged for them.
      const checkout = await request(env.server)
        .get(`${API}/entities/component/default/checkout/forecast`)
        .set('Authorization', as(CAROL));
      expect(checkout.body.licenseChanges).toEqual([]);
    });

    it('tells the owner group of each crossed threshold exactly once across runs, retrying a failed send', async () => {
      const ofBudget = () =>
        env.sent.filter(
          n =>
            n.payload.scope === `finops-itam:budget:search-year:${yearStart}`,
        );
      // The first send fails: logged, not recorded, sent on the next run.
      env.failing.sends = 1;
      await env.runTask('finops-itam-budget-alerts');
      expect(env.failing.sends).toBe(0);
      await env.runTask('finops-itam-budget-alerts');
      await env.runTask('finops-itam-budget-alerts');

      // On January 1st nothing of the year is spent yet: only the forecast crosses.
      const spentYet = today.toISODate() !== yearStart;
      const sent = ofBudget();
      expect(
        sent.map(n => ({
          threshold: n.payload.title.includes('has spent more than 100 %')
            ? 'actual-above'
            : n.payload.title.includes(
                'is forecast to spend more than 100 %',
              ) && 'forecast-above',
          severity: n.payload.severity,
        })),
      ).toEqual(
        expect.arrayContaining([
          { threshold: 'forecast-above', severity: 'normal' },
          ...(spentYet
            ? [{ threshold: 'actual-above', severity: 'high' }]
            : []),
        ]),
      );
      const expected = spentYet ? 2 : 1;
      expect(sent).toHaveLength(expected);
      expect(sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: 'group:default/team-a' },
        payload: { link: '/catalog/default/component/search/cost' },
      });
      expect(
        await knex('finops_itam_budget_alerts_sent').where(
          'budget_id',
          'search-year',
        ),
      ).toHaveLength(expected);
    });
  });
});
