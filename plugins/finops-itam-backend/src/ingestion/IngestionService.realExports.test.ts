import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  FocusRowValues,
  focusRow,
  writeFocusCsv,
} from './__testUtils__/focusRows';
import { FocusFileReader } from './FocusFileReader';
import { IngestionService, IngestionServiceOptions } from './IngestionService';
import { Money } from '../money';

/**
 * Worked examples of ordinary export patterns: rows with unknown optional values, rejected
 * rows that carry money, charges spanning several days, re-delivered corrections.
 */
describe('IngestionService on real export patterns', () => {
  const databases = createTestDatabases();
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'real-exports-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  async function setUp(
    databaseId: Parameters<typeof databases.init>[0],
    options: Partial<IngestionServiceOptions> = {},
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseCostStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const service = new IngestionService(
      store,
      new FocusFileReader({ memoryLimit: '256MB', threads: 1 }),
      mockServices.logger.mock(),
      { maxRejectedShare: 0.01, ...options },
    );
    let files = 0;
    const ingest = async (
      rows: FocusRowValues[],
      name = `delivery-${++files}.csv`,
    ) => {
      const filePath = path.join(tmp, `${databaseId}-${files}-${name}`);
      await writeFocusCsv(filePath, rows);
      return service.ingest({
        sourceId: 'gcp-focus',
        files: [{ path: filePath, key: name }],
      });
    };
    return { knex, store, ingest };
  }

  /** Exact EffectiveCost per stored day, for days holding any cost. */
  async function costByDay(knex: Knex): Promise<Record<string, string>> {
    const rows = await knex('finops_itam_cost_facts').select(
      'day',
      'effective_cost',
    );
    const byDay = new Map<string, InstanceType<typeof Money>>();
    for (const row of rows) {
      byDay.set(
        row.day,
        (byDay.get(row.day) ?? new Money(0)).plus(String(row.effective_cost)),
      );
    }
    return Object.fromEntries(
      [...byDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([d, v]) => [d, v.toFixed()]),
    );
  }

  async function costBetween(knex: Knex, from: string, to: string) {
    const byDay = await costByDay(knex);
    return Object.entries(byDay)
      .filter(([day]) => day >= from && day < to)
      .reduce((sum, [, amount]) => sum.plus(amount), new Money(0))
      .toFixed();
  }

  /** 199 zero-cost usage rows around the rows under test, so one bad row is under 1 %. */
  const filler = Array.from({ length: 199 }, (_, i) =>
    focusRow({ BilledCost: '0', ResourceId: `idle-${i}` }),
  );

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    describe('no money is lost silently', () => {
      it('stores a row whose ContractedCost is empty, keeps its cost and warns about the column', async () => {
        const { store, knex, ingest } = await setUp(databaseId);

        const report = await ingest([
          focusRow({ BilledCost: '10.00' }),
          focusRow({
            BilledCost: '0.52',
            ContractedCost: '',
            ResourceId: 'oracle-db',
          }),
        ]);

        expect(report.status).toBe('succeeded');
        expect(report.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
        expect(report.warnings).toEqual([
          expect.objectContaining({
            column: 'ContractedCost',
            count: 1,
            rows: [2],
          }),
        ]);
        expect(report.warnings![0].reason).toMatch(/empty.*unknown/);
        expect(await store.sourceTotals('gcp-focus')).toEqual([
          expect.objectContaining({
            billedCost: '10.52',
            effectiveCost: '10.52',
          }),
        ]);
        const oracle = await knex('finops_itam_cost_facts')
          .where('resource_id', 'oracle-db')
          .first();
        expect(oracle.contracted_cost).toBeNull();
        expect(String(oracle.list_cost)).toMatch(/^0\.52/);
      });

      it('stores a malformed ListCost, Tags object or ChargeClass as unknown, with a warning each', async () => {
        const { knex, ingest } = await setUp(databaseId);

        const report = await ingest([
          focusRow({ BilledCost: '2.00', ListCost: 'n/a', ResourceId: 'a' }),
          focusRow({ BilledCost: '3.00', Tags: '{"team": ', ResourceId: 'b' }),
          focusRow({
            BilledCost: '4.00',
            ChargeClass: 'Refund',
            ResourceId: 'c',
          }),
        ]);

        expect(report.status).toBe('succeeded');
        expect(report.warnings!.map(w => [w.column, w.count, w.rows])).toEqual([
          ['ListCost', 1, [1]],
          ['ChargeClass', 1, [3]],
          ['Tags', 1, [2]],
        ]);
        const rows = await knex('finops_itam_cost_facts').orderBy(
          'resource_id',
        );
        expect(
          rows.map(r => [r.resource_id, r.list_cost === null, r.tags]),
        ).toEqual([
          ['a', true, null],
          ['b', false, null],
          ['c', false, null],
        ]);
      });

      it('shows per account, period and currency the file total over all rows, the stored total and the rejected total', async () => {
        const { ingest } = await setUp(databaseId);

        const report = await ingest([
          focusRow({ BilledCost: '7.25' }),
          focusRow({
            BilledCost: '0',
            ChargeCategory: 'Refund',
            ResourceId: 'bad',
          }),
          ...filler,
        ]);

        expect(report.status).toBe('succeeded');
        expect(report.rows).toEqual({ read: 201, accepted: 200, rejected: 1 });
        expect(report.totals).toEqual([
          {
            billingAccountId: 'acct-1',
            billingPeriodStart: '2026-04-01',
            currency: 'USD',
            billedCost: '7.25',
            effectiveCost: '7.25',
            stored: { billedCost: '7.25', effectiveCost: '7.25' },
            rejected: {
              rows: 1,
              billedCost: '0',
              effectiveCost: '0',
              unreadableCostRows: 0,
            },
            reconciled: true,
          },
        ]);
      });

      it('rejects the whole file when a rejected row carries cost, naming the amount it would have lost, and keeps the stored data', async () => {
        const { store, ingest } = await setUp(databaseId);
        await ingest([focusRow({ BilledCost: '1.00' })], 'first.csv');
        const before = await store.sourceTotals('gcp-focus');

        const report = await ingest([
          focusRow({ BilledCost: '7.25' }),
          focusRow({
            BilledCost: '5.00',
            ChargeCategory: 'Refund',
            ResourceId: 'bad',
          }),
          ...filler,
        ]);

        expect(report.status).toBe('rejected');
        expect(report.message).toMatch(
          /rejected rows carry cost that would be lost: 5 USD \(BilledCost\), 5 USD \(EffectiveCost\).*row 2, ChargeCategory: "Refund" is not a ChargeCategory.*finopsItam\.ingestion\.maxRejectedCost.*nothing was stored$/,
        );
        expect(report.totals).toEqual([
          expect.objectContaining({
            billedCost: '12.25',
            rejected: {
              rows: 1,
              billedCost: '5',
              effectiveCost: '5',
              unreadableCostRows: 0,
            },
          }),
        ]);
        expect(await store.sourceTotals('gcp-focus')).toEqual(before);
      });

      it('rejects the whole file when a rejected row has an unreadable cost, since its amount is unknown', async () => {
        const { ingest } = await setUp(databaseId);

        const report = await ingest([
          focusRow({ BilledCost: '7.25' }),
          focusRow({ BilledCost: 'twelve', ResourceId: 'bad' }),
          ...filler,
        ]);

        expect(report.status).toBe('rejected');
        expect(report.message).toMatch(
          /1 rejected row\(s\) have a cost that cannot be read/,
        );
      });

      it('rejects a file when more rows than maxRejectedShare are bad, even when they carry no cost', async () => {
        const { ingest } = await setUp(databaseId);

        const report = await ingest([
          focusRow({ BilledCost: '7.25' }),
          ...Array.from({ length: 3 }, (_, i) =>
            focusRow({
              BilledCost: '0',
              ChargeCategory: 'Refund',
              ResourceId: `bad-${i}`,
            }),
          ),
          ...filler.slice(0, 6),
        ]);

        expect(report.status).toBe('rejected');
        expect(report.message).toMatch(
          /^3 of 10 rows \(30\.00 %\) were rejected, more than the 1 % allowed; first: row 2, ChargeCategory/,
        );
      });

      it('accepts rejected cost up to maxRejectedCost per currency, and says so in the reconciliation', async () => {
        const { store, ingest } = await setUp(databaseId, {
          maxRejectedCost: { default: '10', byCurrency: {} },
        });

        const report = await ingest([
          focusRow({ BilledCost: '7.25' }),
          focusRow({
            BilledCost: '5.00',
            ChargeCategory: 'Refund',
            ResourceId: 'bad',
          }),
          ...filler,
        ]);

        expect(report.status).toBe('succeeded');
        expect(report.totals[0]).toMatchObject({
          billedCost: '12.25',
          stored: { billedCost: '7.25' },
          rejected: { billedCost: '5' },
          reconciled: true,
        });
        expect(await store.sourceTotals('gcp-focus')).toEqual([
          expect.objectContaining({ billedCost: '7.25' }),
        ]);
      });
    });

    describe('charges that span several days are spread over them', () => {
      it('spreads a 300.00 monthly fee as 10.00 a day; five days of it are 50.00', async () => {
        const { knex, ingest } = await setUp(databaseId);

        const report = await ingest([
          focusRow({
            BilledCost: '300.00',
            ChargeCategory: 'Purchase',
            ChargeFrequency: 'Recurring',
            ChargePeriodStart: '2026-04-01T00:00:00Z',
            ChargePeriodEnd: '2026-05-01T00:00:00Z',
            ResourceId: 'support-plan',
          }),
        ]);

        expect(report.status).toBe('succeeded');
        const byDay = await costByDay(knex);
        expect(Object.keys(byDay)).toHaveLength(30);
        expect(new Set(Object.values(byDay))).toEqual(new Set(['10']));
        expect(await costBetween(knex, '2026-04-11', '2026-04-16')).toBe('50');
        expect(report.totals[0]).toMatchObject({
          stored: { billedCost: '300' },
          reconciled: true,
        });
      });

      it('splits by the time each day covers, exactly: the parts sum to the row', async () => {
        const { knex, store, ingest } = await setUp(databaseId);

        await ingest([
          focusRow({
            BilledCost: '100.00',
            ChargeCategory: 'Tax',
            ChargeFrequency: 'Recurring',
            ChargePeriodStart: '2026-04-01T12:00:00Z',
            ChargePeriodEnd: '2026-04-04T00:00:00Z',
          }),
          focusRow({
            BilledCost: '10.00',
            ChargeFrequency: 'Recurring',
            ChargePeriodStart: '2026-04-10T00:00:00Z',
            ChargePeriodEnd: '2026-04-13T00:00:00Z',
            ResourceId: 'thirds',
          }),
        ]);

        const byDay = await costByDay(knex);
        expect(byDay['2026-04-01']).toBe('20');
        expect(byDay['2026-04-02']).toBe('40');
        expect(byDay['2026-04-03']).toBe('40');
        const thirds = ['2026-04-10', '2026-04-11', '2026-04-12'].map(
          d => byDay[d],
        );
        expect(thirds.sort()).toEqual([
          '3.3333333333333333',
          '3.3333333333333333',
          '3.3333333333333334',
        ]);
        expect(await store.sourceTotals('gcp-focus')).toEqual([
          expect.objectContaining({ billedCost: '110', effectiveCost: '110' }),
        ]);
      });

      it('keeps a one-time charge on its start day', async () => {
        const { knex, ingest } = await setUp(databaseId);

        await ingest([
          focusRow({
            BilledCost: '300.00',
            ChargeCategory: 'Purchase',
            ChargeFrequency: 'One-Time',
            ChargePeriodStart: '2026-04-01T00:00:00Z',
            ChargePeriodEnd: '2026-05-01T00:00:00Z',
          }),
        ]);

        expect(await costByDay(knex)).toEqual({ '2026-04-01': '300' });
      });
    });

    it('replaces every row of the delivered billing periods, corrections included, whatever the file is called', async () => {
      const { store, ingest } = await setUp(databaseId);
      const delivery = [
        focusRow({ BilledCost: '40.00' }),
        focusRow({
          BilledCost: '-3.00',
          ChargeClass: 'Correction',
          ChargePeriodStart: '2026-03-10T00:00:00Z',
          ChargePeriodEnd: '2026-03-11T00:00:00Z',
        }),
      ];

      await ingest(delivery, 'april.csv');
      await ingest(delivery, 'april-v2.csv');

      expect(await store.sourceTotals('gcp-focus')).toEqual([
        expect.objectContaining({
          billingPeriodStart: '2026-04-01',
          billedCost: '37',
        }),
      ]);
    });
  });
});
