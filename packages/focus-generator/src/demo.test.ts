import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { generateDemoExports, DemoExportResult } from './demo';
import { FOCUS_MANDATORY_COLUMNS } from './focusColumns';
import {
  AMOUNT,
  openDuckDb,
  readCsv,
  withTempDir,
} from './__testUtils__/duckdb';

jest.setTimeout(120_000);

describe('generateDemoExports', () => {
  let dir: string;
  let result: DemoExportResult;
  let db: Awaited<ReturnType<typeof openDuckDb>>;
  // Read once into tables: the queries below then take milliseconds instead of re-parsing.
  const all = () => 'demo_rows';
  const providers = () => 'provider_rows';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'focus-generator-demo-'));
    result = await generateDemoExports({ outDir: dir, through: '2026-10-15' });
    db = await openDuckDb();
    await db.rows(
      `CREATE TABLE demo_rows AS SELECT * FROM ${readCsv(
        result.files.map(f => f.path),
        true,
      )}`,
    );
    await db.rows(
      `CREATE TABLE provider_rows AS SELECT * FROM ${readCsv(
        result.files.filter(f => f.provider !== 'marketplace').map(f => f.path),
      )}`,
    );
  });

  afterAll(async () => {
    db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one file per provider for each of 13 monthly billing periods', () => {
    expect(result.files).toHaveLength(13 * 4);
    const names = result.files.map(f => f.path.slice(dir.length + 1));
    expect(names.slice(0, 4)).toEqual([
      'aws/2025-10.csv',
      'azure/2025-10.csv',
      'gcp/2025-10.csv',
      'marketplace/2025-10.csv',
    ]);
    expect(names).toContain('gcp/2026-10.csv');
    expect(result.through).toBe('2026-10-15');
  });

  it('parses back with every mandatory FOCUS column and the reported row counts', async () => {
    const columns = await db.rows(`DESCRIBE SELECT * FROM ${all()}`);
    const names = columns.map(c => c.column_name);
    expect(names).toEqual(expect.arrayContaining([...FOCUS_MANDATORY_COLUMNS]));
    expect(names.filter(n => n.startsWith('x_')).length).toBeGreaterThanOrEqual(
      2,
    );

    const [{ n }] = await db.rows(`SELECT count(*) AS n FROM ${all()}`);
    expect(Number(n)).toBe(result.rows);
    const perFile = await db.rows(
      `SELECT filename, count(*) AS n FROM ${all()} GROUP BY filename`,
    );
    for (const file of result.files) {
      expect(Number(perFile.find(r => r.filename === file.path)?.n)).toBe(
        file.rows,
      );
    }
  });

  it('returns totals equal to the exact sums of each file', async () => {
    for (const file of result.files) {
      const sums = await db.rows(`
        SELECT BillingAccountId AS account, BillingCurrency AS currency,
               substr(BillingPeriodStart, 1, 10) AS period,
               CAST(sum(CAST(BilledCost AS ${AMOUNT})) AS VARCHAR) AS billed,
               CAST(sum(CAST(EffectiveCost AS ${AMOUNT})) AS VARCHAR) AS effective,
               count(*) AS n
        FROM ${all()} WHERE filename = '${file.path}' GROUP BY ALL`);
      expect(sums).toHaveLength(file.totals.length);
      for (const total of file.totals) {
        const sum = sums.find(
          s =>
            s.account === total.billingAccountId &&
            s.currency === total.currency,
        )!;
        expect(sum.period).toBe(total.billingPeriodStart);
        expect(new Decimal(sum.billed).equals(total.billedCost)).toBe(true);
        expect(new Decimal(sum.effective).equals(total.effectiveCost)).toBe(
          true,
        );
        expect(Number(sum.n)).toBe(total.rows);
      }
    }
  });

  it('writes amounts as plain decimals with 10+ places and values below a millionth', async () => {
    const [stats] = await db.rows(`
      SELECT
        count(*) FILTER (WHERE NOT regexp_full_match(BilledCost, '-?[0-9]+(\\.[0-9]+)?')
                            OR NOT regexp_full_match(EffectiveCost, '-?[0-9]+(\\.[0-9]+)?')
                            OR NOT regexp_full_match(ListCost, '-?[0-9]+(\\.[0-9]+)?')
                            OR NOT regexp_full_match(ContractedCost, '-?[0-9]+(\\.[0-9]+)?')) AS malformed,
        count(*) FILTER (WHERE length(split_part(EffectiveCost, '.', 2)) >= 10) AS long_decimals,
        count(*) FILTER (WHERE CAST(EffectiveCost AS ${AMOUNT}) > 0
                           AND CAST(EffectiveCost AS ${AMOUNT}) < 0.000001) AS tiny
      FROM ${all()}`);
    expect(Number(stats.malformed)).toBe(0);
    expect(Number(stats.long_decimals)).toBeGreaterThan(100);
    expect(Number(stats.tiny)).toBeGreaterThan(0);
  });

  it('uses daily charge periods inside the billing period, through the last day', async () => {
    const [periods] = await db.rows(`
      SELECT
        count(*) FILTER (WHERE date_diff('hour', CAST(ChargePeriodStart AS TIMESTAMPTZ),
                                         CAST(ChargePeriodEnd AS TIMESTAMPTZ)) <> 24) AS not_daily,
        count(*) FILTER (WHERE ChargePeriodStart < BillingPeriodStart
                            OR ChargePeriodEnd > BillingPeriodEnd) AS outside,
        max(ChargePeriodStart) AS last
      FROM ${all()} WHERE ChargeCategory IN ('Usage', 'Credit')`);
    expect(Number(periods.not_daily)).toBe(0);
    expect(Number(periods.outside)).toBe(0);
    expect(periods.last).toBe('2026-10-15T00:00:00Z');
  });

  it('leaves about 10 % of resources untagged', async () => {
    const [share] = await db.rows(`
      SELECT count(DISTINCT ResourceId) FILTER (WHERE coalesce(Tags, '{}') = '{}') AS untagged,
             count(DISTINCT ResourceId) AS total
      FROM ${providers()}
      WHERE ChargeCategory = 'Usage' AND coalesce(CommitmentDiscountStatus, '') <> 'Unused'`);
    const ratio = Number(share.untagged) / Number(share.total);
    expect(ratio).toBeGreaterThan(0.07);
    expect(ratio).toBeLessThan(0.14);
  });

  it('books commitments the FOCUS way: purchase billed, usage amortized, unused shown', async () => {
    const purchases = await db.rows(`
      SELECT BilledCost, EffectiveCost, CommitmentDiscountId FROM ${all()}
      WHERE ChargeCategory = 'Purchase' AND CommitmentDiscountId IS NOT NULL`);
    expect(purchases.length).toBe(13 * 3);
    for (const p of purchases) {
      expect(p.EffectiveCost).toBe('0');
      expect(Number(p.BilledCost)).toBeGreaterThan(0);
    }
    const [used] = await db.rows(`
      SELECT count(*) AS n,
             count(*) FILTER (WHERE BilledCost <> '0' OR PricingCategory <> 'Committed'
                                OR CAST(EffectiveCost AS ${AMOUNT}) <= 0) AS wrong
      FROM ${all()} WHERE CommitmentDiscountStatus = 'Used'`);
    expect(Number(used.n)).toBeGreaterThan(1000);
    expect(Number(used.wrong)).toBe(0);
    const unused = await db.rows(`
      SELECT DISTINCT ChargeCategory, BilledCost FROM ${all()}
      WHERE CommitmentDiscountStatus = 'Unused'`);
    expect(unused).toEqual([{ ChargeCategory: 'Usage', BilledCost: '0' }]);
  });

  it('counts commitment quantities: reservation hours, savings plan dollars, so utilization is known', async () => {
    const days = await db.rows(`
      SELECT CommitmentDiscountType AS type, CommitmentDiscountUnit AS unit,
             substr(ChargePeriodStart, 1, 10) AS day,
             CAST(sum(CAST(CommitmentDiscountQuantity AS ${AMOUNT})) AS VARCHAR) AS quantity,
             CAST(sum(CAST(CommitmentDiscountQuantity AS ${AMOUNT}))
                  FILTER (WHERE CommitmentDiscountStatus = 'Used') AS VARCHAR) AS used,
             count(*) FILTER (WHERE CommitmentDiscountQuantity IS NULL) AS without
      FROM ${all()}
      WHERE ChargeCategory = 'Usage' AND CommitmentDiscountStatus IS NOT NULL
        AND CommitmentDiscountType IN ('Reservation', 'Savings Plan')
      GROUP BY ALL ORDER BY ALL`);
    const reservation = days.filter(d => d.type === 'Reservation');
    const savingsPlan = days.filter(d => d.type === 'Savings Plan');
    expect(reservation.length).toBeGreaterThan(350);
    expect(savingsPlan.length).toBeGreaterThan(350);
    expect(days.filter(d => Number(d.without) > 0)).toEqual([]);
    // Three VMs' worth of hours a day, used or unused (to the rounding of unused hours).
    expect(
      reservation.filter(
        d => d.unit !== 'Hours' || Math.abs(Number(d.quantity) - 72) >= 0.001,
      ),
    ).toEqual([]);
    // A spend commitment counts dollars: used and unused add up to the day's 66.
    expect(
      savingsPlan.filter(
        d => d.unit !== 'USD' || !new Decimal(d.quantity).equals(66),
      ),
    ).toEqual([]);
    // Two of the three reserved VMs run: about two thirds of the hours are used.
    const used = reservation.reduce(
      (sum, d) => sum.plus(d.used ?? 0),
      new Decimal(0),
    );
    const ratio = used.dividedBy(72 * reservation.length).toNumber();
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(0.7);
  });

  it('amortizes each closed month of the savings plan to exactly its fee', async () => {
    const rows = await db.rows(`
      SELECT substr(BillingPeriodStart, 1, 7) AS month,
             CAST(sum(CAST(BilledCost AS ${AMOUNT})) AS VARCHAR) AS billed,
             CAST(sum(CAST(EffectiveCost AS ${AMOUNT})) AS VARCHAR) AS effective
      FROM ${all()} WHERE CommitmentDiscountType = 'Savings Plan' GROUP BY ALL`);
    const closed = rows.filter(r => r.month !== '2026-10');
    expect(closed).toHaveLength(12);
    for (const r of closed)
      expect(new Decimal(r.billed).equals(r.effective)).toBe(true);
  });

  it('carries core counts on BYOL VMs and names license-included SKUs', async () => {
    const byol = await db.rows(`
      SELECT DISTINCT ResourceName, json_extract_string(Tags, '$."license-product"') AS product,
             json_extract(SkuPriceDetails, '$.CoreCount') AS cores,
             json_extract_string(SkuPriceDetails, '$.InstanceType') AS type
      FROM ${providers()} WHERE json_extract_string(Tags, '$."license-model"') = 'byol'
      ORDER BY ResourceName`);
    expect(byol).toEqual(
      expect.arrayContaining([
        {
          ResourceName: 'payments-sql-1',
          product: 'microsoft-sql-server-enterprise',
          cores: '8',
          type: 'm5.2xlarge',
        },
        {
          ResourceName: 'order-export-ora-1',
          product: 'oracle-database-enterprise',
          cores: '8',
          type: 'm5.2xlarge',
        },
      ]),
    );
    expect(byol.every(r => Number(r.cores) > 0)).toBe(true);

    const included = await db.rows(`
      SELECT DISTINCT ProviderName, ResourceName FROM ${providers()}
      WHERE SkuId LIKE '%Windows:SQL-Ent%' OR SkuPriceId LIKE '%Windows:SQL-Ent%'`);
    expect(included.map(r => r.ProviderName).sort()).toEqual([
      'Amazon Web Services',
      'Microsoft',
    ]);
  });

  it('lines up with the catalog: tags, name patterns and platform accounts', async () => {
    const apps = await db.rows(`
      SELECT DISTINCT json_extract_string(Tags, '$.application') AS app FROM ${providers()}
      WHERE Tags IS NOT NULL AND Tags <> '{}'`);
    expect(apps.map(a => a.app)).toEqual(
      expect.arrayContaining([
        'checkout',
        'checkout-v2',
        'cart',
        'payments',
        'order-export',
        'catalog',
        'search',
        'recommendations',
        'observability',
      ]),
    );
    const names = (
      await db.rows(`SELECT DISTINCT ResourceName AS n FROM ${all()}`)
    ).map(r => r.n);
    expect(names).toEqual(
      expect.arrayContaining(['storefront-web-cdn-1', 'orders-db-primary']),
    );
    expect(names.some(n => /^image-resizer-fn-/.test(n))).toBe(true);
    const cdnArn = await db.rows(`SELECT DISTINCT ResourceId FROM ${all()}
      WHERE ResourceId LIKE 'arn:aws:cloudfront::%:distribution/storefront%'`);
    expect(cdnArn).toHaveLength(1);
    const platform = await db.rows(`SELECT DISTINCT SubAccountId FROM ${all()}
      WHERE SubAccountId IN ('210987654321', 'acme-platform-prod')`);
    expect(platform).toHaveLength(2);
  });

  it('sells the SaaS product through the AWS Marketplace', async () => {
    const rows = await db.rows(`
      SELECT DISTINCT InvoiceIssuerName, ProviderName, PublisherName, ServiceCategory,
             BilledCost = '0' AS zero_billed
      FROM ${readCsv(
        result.files.filter(f => f.provider === 'marketplace').map(f => f.path),
      )}
      WHERE ChargeCategory <> 'Tax'`);
    expect(new Set(rows.map(r => r.InvoiceIssuerName))).toEqual(
      new Set(['Amazon Web Services']),
    );
    expect(new Set(rows.map(r => r.ProviderName))).toEqual(
      new Set(['Lumenwatch']),
    );
    expect(new Set(rows.map(r => r.ServiceCategory))).toEqual(
      new Set(['Business Applications']),
    );
    expect(rows.some(r => r.zero_billed)).toBe(true);
  });

  it('adds a support and a tax row per month and account, in USD and one EUR account', async () => {
    const rows = await db.rows(`
      SELECT ChargeCategory, BillingCurrency, count(*) AS n FROM ${all()}
      WHERE ChargeCategory = 'Tax' OR ServiceSubcategory = 'Support' GROUP BY ALL ORDER BY ALL`);
    expect(rows).toEqual([
      { ChargeCategory: 'Purchase', BillingCurrency: 'EUR', n: '13' },
      { ChargeCategory: 'Purchase', BillingCurrency: 'USD', n: '39' },
      { ChargeCategory: 'Tax', BillingCurrency: 'EUR', n: '13' },
      { ChargeCategory: 'Tax', BillingCurrency: 'USD', n: '52' },
    ]);
  });

  it('bills tax and support as recurring charges over their whole month, so ingestion spreads them', async () => {
    const rows = await db.rows(`
      SELECT ChargeCategory, ChargeFrequency,
             count(*) FILTER (WHERE substr(ChargePeriodStart, 9, 2) <> '01'
                                 OR substr(ChargePeriodEnd, 9, 2) <> '01') AS not_whole_month
      FROM ${all()}
      WHERE ChargeCategory = 'Tax' OR ServiceSubcategory = 'Support' GROUP BY ALL ORDER BY ALL`);
    expect(rows).toEqual([
      {
        ChargeCategory: 'Purchase',
        ChargeFrequency: 'Recurring',
        not_whole_month: '0',
      },
      {
        ChargeCategory: 'Tax',
        ChargeFrequency: 'Recurring',
        not_whole_month: '0',
      },
    ]);
  });

  it('injects the GPU and search spikes', async () => {
    const daily = async (resource: string) =>
      (
        await db.rows(`
          SELECT substr(ChargePeriodStart, 1, 10) AS day,
                 sum(CAST(EffectiveCost AS DOUBLE)) AS cost
          FROM ${providers()} WHERE ResourceName = '${resource}' AND ChargeCategory = 'Usage'
          GROUP BY day ORDER BY day`)
      ).map(r => ({ day: r.day as string, cost: Number(r.cost) }));
    const spikeDays = (series: { day: string; cost: number }[]) => {
      const sorted = series.map(s => s.cost).sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      return series.filter(s => s.cost > 2.5 * median).map(s => s.day);
    };
    expect(spikeDays(await daily('recommendations-train-1'))).toEqual([
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
    ]);
    expect(spikeDays(await daily('search-prod'))).toEqual([
      '2026-08-01',
      '2026-08-02',
      '2026-08-03',
      '2026-08-04',
    ]);
  });

  it('gives checkout-api one retry-storm day, from checkout-sessions alone, 8 days before the end', async () => {
    // checkout-api's rows as its annotation selects them: application checkout or
    // checkout-v2 in prod, over the four weeks before the spike and the spike day.
    const rows = await db.rows(`
      SELECT substr(ChargePeriodStart, 1, 10) AS day, ResourceName AS resource,
             sum(CAST(EffectiveCost AS DOUBLE)) AS cost
      FROM ${providers()}
      WHERE json_extract_string(Tags, '$.application') IN ('checkout', 'checkout-v2')
        AND json_extract_string(Tags, '$.environment') = 'prod'
        AND ChargeCategory = 'Usage'
        AND substr(ChargePeriodStart, 1, 10) BETWEEN '2026-09-09' AND '2026-10-15'
      GROUP BY ALL`);
    const SPIKE_DAY = '2026-10-07'; // 2026-10-15 minus 8 days
    const costOf = (day: string, resource?: string) =>
      rows
        .filter(r => r.day === day && (!resource || r.resource === resource))
        .reduce((sum, r) => sum + Number(r.cost), 0);
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const days = [...new Set(rows.map(r => r.day as string))].sort();
    const before = days.filter(day => day < SPIKE_DAY).slice(-28);
    expect(before).toHaveLength(28);

    // The only day far above the entity's usual day is the spike day, in the whole range.
    const usual = median(before.map(day => costOf(day)));
    expect(days.filter(day => costOf(day) > 2 * usual)).toEqual([SPIKE_DAY]);
    // Several times its usual all-in day, which adds its 35 % of the shared Kubernetes
    // cluster (app-config.yaml, pool platform-kubernetes) to its own resources.
    const [{ cluster }] = await db.rows(`
      SELECT median(cost) AS cluster FROM (
        SELECT substr(ChargePeriodStart, 1, 10) AS day, sum(CAST(EffectiveCost AS DOUBLE)) AS cost
        FROM ${providers()}
        WHERE json_extract_string(Tags, '$.application') = 'platform'
          AND substr(ChargePeriodStart, 1, 10) BETWEEN '2026-09-09' AND '2026-10-06'
        GROUP BY day)`);
    const clusterShare = 0.35 * Number(cluster);
    expect(clusterShare).toBeGreaterThan(10);
    expect(costOf(SPIKE_DAY) + clusterShare).toBeGreaterThan(
      3 * (usual + clusterShare),
    );

    // Nearly all of the excess is checkout-sessions: the drivers have one resource to name.
    const usualSessions = median(
      before.map(day => costOf(day, 'checkout-sessions')),
    );
    const excess = costOf(SPIKE_DAY) - usual;
    const sessionsExcess =
      costOf(SPIKE_DAY, 'checkout-sessions') - usualSessions;
    expect(sessionsExcess / excess).toBeGreaterThan(0.95);
  });

  it('writes budgets for the quarter after the last day: checkout at risk, its API and catalog on track', async () => {
    const written = JSON.parse(
      await readFile(join(dir, 'budgets', 'demo-budgets.json'), 'utf8'),
    );
    expect(written).toEqual({ budgets: result.budgets.budgets });
    expect(
      result.budgets.budgets.map(b => [b.id, b.entityRef, b.start, b.scope]),
    ).toEqual([
      [
        'team-checkout-cloud-2026q4',
        'group:default/team-checkout',
        '2026-10-01',
        'cloud',
      ],
      [
        'checkout-api-cloud-2026q4',
        'component:default/checkout-api',
        '2026-10-01',
        'cloud',
      ],
      [
        'team-catalog-cloud-2026q4',
        'group:default/team-catalog',
        '2026-10-01',
        'cloud',
      ],
    ]);

    // Each entity's daily cloud cost read back from the files, allocated the way
    // examples/components.yaml and app-config.yaml's shared-cost pools do it.
    const daily = await db.rows(`
      WITH rows AS (
        SELECT substr(ChargePeriodStart, 1, 10) AS day, ChargeFrequency AS frequency,
               ServiceName AS service, CAST(EffectiveCost AS DOUBLE) AS cost,
               json_extract_string(Tags, '$.application') AS app,
               json_extract_string(Tags, '$.environment') AS env,
               coalesce(ResourceName, '') AS name, coalesce(ResourceId, '') AS id
        FROM ${providers()}),
      owned AS (
        SELECT day, cost,
          CASE
            WHEN name LIKE 'storefront-web-%' OR name LIKE 'orders-db-%'
              OR id LIKE 'arn:aws:cloudfront::%:distribution/storefront%' THEN 'team-checkout'
            WHEN name LIKE 'image-resizer-%' THEN 'team-catalog'
            WHEN app IN ('cart', 'payments', 'order-export') THEN 'team-checkout'
            WHEN app IN ('checkout', 'checkout-v2') AND env = 'prod' THEN 'team-checkout'
            WHEN app IN ('catalog', 'search', 'recommendations') THEN 'team-catalog'
          END AS team,
          app IN ('checkout', 'checkout-v2') AND env = 'prod' AND name NOT LIKE 'storefront-web-%' AS api,
          app = 'platform' AS cluster
        FROM rows WHERE frequency = 'Usage-Based'),
      support AS (
        SELECT day, cost / 31 AS per_day FROM rows
        WHERE service = 'AWS Support (Business)' AND day = '2026-10-01'),
      days AS (SELECT DISTINCT day FROM owned WHERE day BETWEEN '2026-10-01' AND '2026-10-15')
      SELECT days.day,
        sum(cost) FILTER (WHERE team = 'team-checkout') AS checkout,
        sum(cost) FILTER (WHERE api) AS api,
        sum(cost) FILTER (WHERE team = 'team-catalog') AS catalog,
        sum(cost) FILTER (WHERE cluster) AS cluster,
        (SELECT per_day FROM support) AS support
      FROM days JOIN owned USING (day) GROUP BY days.day ORDER BY days.day`);
    expect(daily).toHaveLength(15);
    const cloud = {
      'team-checkout-cloud-2026q4': (d: any) =>
        d.checkout + 0.5 * d.cluster + d.support,
      'checkout-api-cloud-2026q4': (d: any) =>
        d.api + 0.35 * d.cluster + (d.support * d.api) / d.checkout,
      'team-catalog-cloud-2026q4': (d: any) => d.catalog + 0.5 * d.cluster,
    };
    const rest = 92 - 15; // 2026-10-16 through 2026-12-31
    const figures = Object.fromEntries(
      result.budgets.budgets.map(budget => {
        const costOf = cloud[budget.id as keyof typeof cloud];
        const actual = daily.reduce((sum, d) => sum + costOf(d), 0);
        const recent = daily
          .slice(1)
          .map(costOf)
          .sort((a, b) => a - b);
        const expectedRest = ((recent[6] + recent[7]) / 2) * rest;
        return [
          budget.id,
          {
            amount: Number(budget.amount),
            actual,
            expectedRest,
            heading: actual + expectedRest,
          },
        ];
      }),
    );
    for (const budget of result.budgets.budgets) {
      expect(budget.amount).toMatch(/^\d+\.00$/);
      expect(budget.currency).toBe('USD');
    }

    // Checkout: above what is spent, well below where the quarter is heading: at risk.
    const checkout = figures['team-checkout-cloud-2026q4'];
    expect(checkout.amount).toBeCloseTo(
      checkout.actual + 0.6 * checkout.expectedRest,
      -1,
    );
    expect(checkout.amount).toBeGreaterThan(checkout.actual * 1.5);
    expect(checkout.heading / checkout.amount).toBeGreaterThan(1.3);

    // The others head for 90 % of their budget: between the 80 % and 100 % thresholds.
    for (const id of [
      'checkout-api-cloud-2026q4',
      'team-catalog-cloud-2026q4',
    ]) {
      expect((figures[id].heading / figures[id].amount) * 100).toBeCloseTo(
        90,
        0,
      );
    }
  });

  it('leaves InvoiceId empty only in the open billing period', async () => {
    const rows = await db.rows(`
      SELECT substr(BillingPeriodStart, 1, 7) = '2026-10' AS open, InvoiceId IS NULL AS empty,
             count(*) AS n
      FROM ${all()} GROUP BY ALL ORDER BY ALL`);
    expect(rows.map(r => [r.open, r.empty])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('is deterministic: the same seed gives byte-identical files, another seed does not', async () => {
    await withTempDir(async other => {
      const again = await generateDemoExports({
        outDir: other,
        through: '2026-10-15',
        months: 2,
      });
      const twice = await generateDemoExports({
        outDir: join(other, 'twice'),
        through: '2026-10-15',
        months: 2,
      });
      const reseeded = await generateDemoExports({
        outDir: join(other, 'reseeded'),
        through: '2026-10-15',
        months: 2,
        seed: 'another',
      });
      // Buffer.equals, not toEqual: jest compares buffers byte by byte very slowly.
      for (const [i, file] of again.files.entries()) {
        const same = (await readFile(twice.files[i].path)).equals(
          await readFile(file.path),
        );
        expect(same).toBe(true);
      }
      const aws = await readFile(again.files[0].path);
      expect((await readFile(reseeded.files[0].path)).equals(aws)).toBe(false);
    });
  });

  it('rejects a malformed date', async () => {
    await expect(
      generateDemoExports({ outDir: dir, through: '2026-02-30' }),
    ).rejects.toThrow(/not a calendar date/);
  });
});
