import { Knex } from 'knex';
import { migrationConfig } from '../../database/migrations';
import { COST_FACTS_TABLE } from '../../database/tables';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { DatabaseObservedPriceStore } from './DatabaseObservedPriceStore';

jest.setTimeout(60_000);

interface Fact {
  day: string;
  provider: string;
  region: string | null;
  resourceId: string | null;
  details: Record<string, unknown> | null;
  effectiveCost: string;
  hours: string;
  currency?: string;
  chargeCategory?: string;
  commitmentDiscountStatus?: string;
  skuId?: string;
  tags?: Record<string, string>;
}

/** Facts as ingestion stores them: one per resource, day and charge kind. */
async function insertFacts(knex: Knex, facts: Fact[]) {
  await knex(COST_FACTS_TABLE).insert(
    facts.map(f => ({
      source_id: 'test',
      ingestion_id: 'ingestion-1',
      file_key: 'file.csv',
      billing_period_start: `${f.day.slice(0, 7)}-01`,
      day: f.day,
      billing_account_id: 'billing-1',
      provider_name: f.provider,
      region_id: f.region,
      resource_id: f.resourceId,
      charge_category: f.chargeCategory ?? 'Usage',
      commitment_discount_status: f.commitmentDiscountStatus ?? null,
      sku_id: f.skuId ?? null,
      sku_price_details: f.details ? JSON.stringify(f.details) : null,
      tags: f.tags ? JSON.stringify(f.tags) : null,
      currency: f.currency ?? 'USD',
      billed_cost: f.effectiveCost,
      effective_cost: f.effectiveCost,
      list_cost: f.effectiveCost,
      contracted_cost: f.effectiveCost,
      consumed_quantity: f.hours,
      row_count: 24,
    })),
  );
}

const m5 = (fields: Partial<Fact>): Fact => ({
  day: '2026-11-10',
  provider: 'AWS',
  region: 'eu-west-1',
  resourceId: 'i-1',
  details: { InstanceType: 'm5.xlarge', CoreCount: 4 },
  effectiveCost: '4.608',
  hours: '24',
  ...fields,
});

const NOVEMBER = { from: '2026-11-01', to: '2026-12-01' };

describe('DatabaseObservedPriceStore', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'prices an instance type at its effective cost per instance-hour, per region and currency, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        // eu-west-1: 4.608 + 3.552 (a savings plan on the second day) over 48 h = 0.17 an hour.
        m5({ day: '2026-11-10' }),
        m5({ day: '2026-11-11', effectiveCost: '3.552' }),
        // Same provider under its FOCUS name; half a day.
        m5({
          day: '2026-11-12',
          provider: 'Amazon Web Services',
          resourceId: 'i-2',
          effectiveCost: '2.04',
          hours: '12',
        }),
        m5({ region: 'us-east-1', effectiveCost: '4.4', hours: '22' }),
        m5({
          currency: 'EUR',
          effectiveCost: '4.0000000000000008',
          hours: '24',
        }),
        // Not usage of the type in the window, or not billed for running it:
        m5({ day: '2026-10-31', effectiveCost: '99' }),
        m5({ day: '2026-12-01', effectiveCost: '99' }),
        m5({ chargeCategory: 'Purchase', effectiveCost: '99' }),
        m5({ commitmentDiscountStatus: 'Unused', effectiveCost: '99' }),
        m5({ details: { InstanceType: 'm5.2xlarge' }, effectiveCost: '99' }),
        m5({ provider: 'Google Cloud', effectiveCost: '99' }),
        m5({ details: null, effectiveCost: '99' }),
      ]);
      const store = new DatabaseObservedPriceStore(knex);
      const prices = await store.recentPrices({
        instanceTypes: [{ provider: 'AWS', instanceType: 'm5.xlarge' }],
        ...NOVEMBER,
      });
      const byPlace = prices
        .map(p => ({ ...p, basis: p.basis.split(' (')[0] }))
        .sort((a, b) =>
          `${a.region}${a.currency}`.localeCompare(`${b.region}${b.currency}`),
        );
      expect(byPlace).toEqual([
        {
          provider: 'AWS',
          instanceType: 'm5.xlarge',
          region: 'eu-west-1',
          perHour: '0.1666666667',
          currency: 'EUR',
          basis:
            'EffectiveCost / ConsumedQuantity of 1 Usage row, 2026-11-10..2026-11-10: 4.0000000000000008 EUR / 24 h',
        },
        {
          provider: 'AWS',
          instanceType: 'm5.xlarge',
          region: 'eu-west-1',
          perHour: '0.17',
          currency: 'USD',
          basis:
            'EffectiveCost / ConsumedQuantity of 3 Usage rows, 2026-11-10..2026-11-12: 10.2 USD / 60 h',
        },
        {
          provider: 'AWS',
          instanceType: 'm5.xlarge',
          region: 'us-east-1',
          perHour: '0.2',
          currency: 'USD',
          basis:
            'EffectiveCost / ConsumedQuantity of 1 Usage row, 2026-11-10..2026-11-10: 4.4 USD / 22 h',
        },
      ]);
      expect(prices[0].basis).toMatch(
        /\(ConsumedQuantity taken as hours: no resource above 24 a day\)$/,
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'matches Azure names with or without Standard_, from InstanceType or x_InstanceType, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        m5({
          provider: 'Microsoft',
          region: 'westeurope',
          details: { InstanceType: 'Standard_D4s_v5' },
          effectiveCost: '4.8',
        }),
        m5({
          provider: 'Microsoft',
          region: 'westeurope',
          resourceId: 'vm-2',
          details: { x_InstanceType: 'Standard D4s v5' },
          effectiveCost: '5.28',
        }),
      ]);
      const prices = await new DatabaseObservedPriceStore(knex).recentPrices({
        instanceTypes: [{ provider: 'Azure', instanceType: 'D4s_v5' }],
        ...NOVEMBER,
      });
      expect(prices.map(p => [p.provider, p.instanceType, p.perHour])).toEqual([
        ['Azure', 'D4s_v5', '0.21'],
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves out a type whose quantity cannot be hours, and answers nothing (never 0) for a type not billed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        // 86,400 in one resource-day: seconds, not hours.
        m5({
          details: { InstanceType: 'c5.large' },
          effectiveCost: '2.04',
          hours: '86400',
        }),
      ]);
      const prices = await new DatabaseObservedPriceStore(knex).recentPrices({
        instanceTypes: [
          { provider: 'AWS', instanceType: 'c5.large' },
          { provider: 'AWS', instanceType: 'r5.large' },
        ],
        ...NOVEMBER,
      });
      expect(prices).toEqual([]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves rows that include a license out of the instance price, saying how many, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        m5({}),
        // SQL Server Standard license-included: 0.192 + 4 vCPUs × 0.12 = 0.672 an hour.
        m5({
          resourceId: 'i-sql',
          details: {
            InstanceType: 'm5.xlarge',
            x_PreInstalledSoftware: 'SQL Std',
          },
          effectiveCost: '16.128',
        }),
      ]);
      const [price] = await new DatabaseObservedPriceStore(knex).recentPrices({
        instanceTypes: [{ provider: 'AWS', instanceType: 'm5.xlarge' }],
        ...NOVEMBER,
      });
      expect(price.perHour).toBe('0.192');
      expect(price.basis).toBe(
        'EffectiveCost / ConsumedQuantity of 1 Usage row, 2026-11-10..2026-11-10: 4.608 USD / 24 h (ConsumedQuantity taken as hours: no resource above 24 a day; 1 license-included row left out)',
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'has no instance price for a type whose every row includes a license (never NaN), on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        m5({
          resourceId: 'i-sql',
          details: {
            InstanceType: 'm5.xlarge',
            x_PreInstalledSoftware: 'SQL Std',
          },
          effectiveCost: '16.128',
        }),
      ]);
      const prices = await new DatabaseObservedPriceStore(knex).recentPrices({
        instanceTypes: [{ provider: 'AWS', instanceType: 'm5.xlarge' }],
        ...NOVEMBER,
      });
      expect(prices).toEqual([]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'derives the license-included premium per vCPU-hour from license-included rows next to plain ones of the same type, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationConfig);
      await insertFacts(knex, [
        // Plain m5.xlarge at 0.192 and m5.2xlarge at 0.384 an hour.
        m5({}),
        m5({
          resourceId: 'i-big',
          details: { InstanceType: 'm5.2xlarge' },
          effectiveCost: '9.216',
        }),
        // SQL Server Standard license-included, found by SKU wording and by tags:
        // 24 h × (0.192 + 4 × 0.12) = 16.128; 24 h × (0.384 + 8 × 0.12) = 32.256.
        m5({
          resourceId: 'i-sql',
          provider: 'Amazon Web Services',
          details: {
            InstanceType: 'm5.xlarge',
            x_PreInstalledSoftware: 'SQL Std',
          },
          effectiveCost: '16.128',
        }),
        m5({
          resourceId: 'i-sql-big',
          details: { InstanceType: 'm5.2xlarge' },
          tags: {
            'license-product': 'microsoft-sql-server-standard',
            'license-model': 'license-included',
          },
          effectiveCost: '32.256',
        }),
        // Two licenses in one price: not attributable to either.
        m5({
          resourceId: 'i-two',
          details: {
            InstanceType: 'm5.xlarge',
            x_PreInstalledSoftware: 'SQL Std',
          },
          tags: {
            'license-product': 'rhel',
            'license-model': 'license-included',
          },
          effectiveCost: '99',
        }),
        // BYOL rows are no premium.
        m5({
          resourceId: 'i-byol',
          details: { InstanceType: 'm5.xlarge' },
          tags: {
            'license-product': 'microsoft-sql-server-standard',
            'license-model': 'byol',
          },
          effectiveCost: '4.608',
        }),
      ]);
      const store = new DatabaseObservedPriceStore(knex);
      const prices = await store.licenseIncludedPrices({
        productIds: ['microsoft-sql-server-standard'],
        ...NOVEMBER,
      });
      expect(prices).toEqual([
        {
          productId: 'microsoft-sql-server-standard',
          provider: 'Amazon Web Services',
          region: 'eu-west-1',
          perVcpuHour: '0.12',
          currency: 'USD',
          basis:
            'license-included rows less the plain price of the same type, 2026-11-10..2026-11-10: 34.56 USD over 288 vCPU-hours of m5.xlarge (4 vCPUs, plain 0.192 an hour), m5.2xlarge (8 vCPUs, plain 0.384 an hour)',
        },
      ]);
      expect(
        await store.licenseIncludedPrices({
          productIds: ['rhel'],
          ...NOVEMBER,
        }),
      ).toEqual([]);
      await knex.destroy();
    },
  );
});
