import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDay } from './dates';
import { generateDemoExports } from './demo';
import { writeDemoMetrics } from './demoMetrics';

describe('writeDemoMetrics', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'focus-generator-metrics-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const read = async (metric: string) => {
    const [header, ...lines] = (
      await readFile(join(dir, 'metrics', `${metric}.csv`), 'utf8')
    )
      .trimEnd()
      .split('\n');
    return { header, rows: lines.map(line => line.split(',')) };
  };

  it('writes a daily value per unit-metric entity over the window, in the CSV the metric sources read', async () => {
    const files = await writeDemoMetrics({
      outDir: dir,
      firstDay: parseDay('2026-10-01'),
      lastDay: parseDay('2026-11-30'),
      seed: 'acme-retail',
    });
    expect(files.map(f => [f.metric, f.rows])).toEqual([
      ['orders', 122],
      ['product-views', 61],
      ['searches', 61],
    ]);

    const orders = await read('orders');
    expect(orders.header).toBe('entityRef,date,value');
    expect(orders.rows[0]).toEqual([
      'component:default/checkout-api',
      '2026-10-01',
      expect.stringMatching(/^\d+$/),
    ]);
    // Checkout and cart both divide by the shop's orders: the same count each day.
    expect(orders.rows[1]).toEqual([
      'component:default/cart-service',
      '2026-10-01',
      orders.rows[0][2],
    ]);
    expect(orders.rows[orders.rows.length - 1][1]).toBe('2026-11-30');

    const searches = await read('searches');
    const byDay = new Map(
      searches.rows.map(([, date, value]) => [date, Number(value)]),
    );
    // Black Friday (2026-11-27) is the busiest day of the window, far above an ordinary Friday.
    const busiest = [...byDay].sort((a, b) => b[1] - a[1])[0][0];
    expect(busiest).toBe('2026-11-27');
    expect(byDay.get('2026-11-27')! / byDay.get('2026-11-20')!).toBeGreaterThan(
      2,
    );
  });

  it('writes the same bytes for the same seed', async () => {
    const options = {
      outDir: dir,
      firstDay: parseDay('2026-11-01'),
      lastDay: parseDay('2026-11-10'),
      seed: 's',
    };
    await writeDemoMetrics(options);
    const first = await readFile(
      join(dir, 'metrics', 'product-views.csv'),
      'utf8',
    );
    await writeDemoMetrics(options);
    expect(
      await readFile(join(dir, 'metrics', 'product-views.csv'), 'utf8'),
    ).toBe(first);
    await writeDemoMetrics({ ...options, seed: 'other' });
    expect(
      await readFile(join(dir, 'metrics', 'product-views.csv'), 'utf8'),
    ).not.toBe(first);
  });

  it('is written by the demo generation over the days of its cost exports', async () => {
    const result = await generateDemoExports({
      outDir: dir,
      through: '2026-11-26',
      months: 1,
    });
    expect(result.metrics.map(f => f.path.slice(dir.length + 1))).toEqual([
      join('metrics', 'orders.csv'),
      join('metrics', 'product-views.csv'),
      join('metrics', 'searches.csv'),
    ]);
    const views = await read('product-views');
    expect(views.rows.map(([, date]) => date)).toEqual(
      Array.from(
        { length: 26 },
        (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`,
      ),
    );
  });
});
