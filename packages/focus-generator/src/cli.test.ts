import { join } from 'node:path';
import { runCli } from './cli';
import { withTempDir } from './__testUtils__/duckdb';

jest.setTimeout(60_000);

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    l => out.push(l),
    l => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('runCli', () => {
  it('writes a bench file and reports it as JSON', async () => {
    await withTempDir(async dir => {
      const { code, out } = await run([
        'bench',
        '--rows',
        '250',
        '--out',
        join(dir, 'b.csv'),
        '--json',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({
        rows: 250,
        path: join(dir, 'b.csv'),
      });
    });
  });

  it('writes the demo files for an explicit date', async () => {
    await withTempDir(async dir => {
      const { code, out } = await run([
        'demo',
        '--out',
        dir,
        '--through=2026-03-05',
        '--months',
        '1',
      ]);
      expect(code).toBe(0);
      expect(out).toContain('Wrote 4 files');
      expect(out).toContain(join(dir, 'marketplace', '2026-03.csv'));
      // The budgets for the quarter of the day after, with their amounts.
      expect(out).toMatch(
        /demo-budgets\.json {2}team-checkout-cloud-2026q1 \d+\.00 USD;/,
      );
    });
  });

  it('explains usage errors with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    const missing = await run(['bench', '--out', 'x.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--rows is required');
    expect(
      (await run(['bench', '--rows', 'many', '--out', 'x.csv'])).err,
    ).toContain('positive integer');
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('reports generator errors with exit code 1', async () => {
    await withTempDir(async dir => {
      const { code, err } = await run([
        'demo',
        '--out',
        dir,
        '--through',
        '2026-13-01',
      ]);
      expect(code).toBe(1);
      expect(err).toContain('not a calendar date');
    });
  });
});
