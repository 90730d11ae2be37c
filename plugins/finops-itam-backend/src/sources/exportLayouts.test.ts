import { planDeliveries, TreeEntry } from './exportLayouts';

/** A tree given as path → [minute of last modification, content]. */
function tree(files: Record<string, [number, string?]>) {
  const entries: TreeEntry[] = Object.entries(files).map(([path, [m]]) => ({
    path,
    modifiedAt: Date.UTC(2026, 9, 1, 0, m),
  }));
  const readText = async (path: string) => files[path][1] ?? '';
  return { entries, readText };
}

describe('planDeliveries', () => {
  it('recognises the AWS layout and, without manifests, takes the newest version folder', async () => {
    const { entries, readText } = tree({
      'cur/data/BILLING_PERIOD=2026-10/20261002T0100Z/cur-00001.csv.gz': [5],
      'cur/data/BILLING_PERIOD=2026-10/20261001T0100Z/cur-00001.csv.gz': [1],
      'cur/data/BILLING_PERIOD=2026-10/20261001T0100Z/cur-00002.csv.gz': [1],
    });

    const plan = await planDeliveries(entries, 'auto', readText);

    expect(plan).toEqual({
      layout: 'aws-data-exports',
      deliveries: [
        {
          id: 'cur/BILLING_PERIOD=2026-10',
          parts: [
            {
              path: 'cur/data/BILLING_PERIOD=2026-10/20261002T0100Z/cur-00001.csv.gz',
              key: 'cur/BILLING_PERIOD=2026-10/cur-00001.csv.gz',
            },
          ],
          notes: [],
        },
      ],
      problems: [],
    });
  });

  it('ignores data files a manifest does not list, such as parts of a refresh still being written', async () => {
    const { entries, readText } = tree({
      'data/BILLING_PERIOD=2026-10/x-00001.snappy.parquet': [1],
      'data/BILLING_PERIOD=2026-10/x-00002.snappy.parquet': [9],
      'metadata/BILLING_PERIOD=2026-10/x-Manifest.json': [
        2,
        JSON.stringify({
          dataFiles: [
            's3://bucket/exports/x/data/BILLING_PERIOD=2026-10/x-00001.snappy.parquet',
          ],
        }),
      ],
    });

    const plan = await planDeliveries(entries, 'aws-data-exports', readText);

    expect(plan.deliveries.map(d => d.parts.map(p => p.path))).toEqual([
      ['data/BILLING_PERIOD=2026-10/x-00001.snappy.parquet'],
    ]);
  });

  it('names a manifest that is not JSON as the problem of its period', async () => {
    const { entries, readText } = tree({
      'data/BILLING_PERIOD=2026-10/x-00001.csv.gz': [1],
      'metadata/BILLING_PERIOD=2026-10/x-Manifest.json': [2, '{"dataFiles": ['],
    });

    const plan = await planDeliveries(entries, 'auto', readText);

    expect(plan.deliveries).toEqual([]);
    expect(plan.problems).toEqual([
      {
        id: 'BILLING_PERIOD=2026-10',
        message: expect.stringMatching(
          /^manifest metadata\/BILLING_PERIOD=2026-10\/x-Manifest\.json is not valid JSON/,
        ),
      },
    ]);
  });

  it('recognises the Azure layout and, without manifests, takes the run folder with the newest files', async () => {
    const { entries, readText } = tree({
      'focus/20261001-20261031/aaaa-run/part_0_0001.parquet': [7],
      'focus/20261001-20261031/ffff-run/part_0_0001.parquet': [3],
      'focus/20260901-20260930/bbbb-run/part_0_0001.parquet': [1],
    });

    const plan = await planDeliveries(entries, 'auto', readText);

    expect(plan.layout).toBe('azure-cost-export');
    expect(plan.deliveries.map(d => [d.id, d.parts[0].path])).toEqual([
      [
        'focus/20260901-20260930',
        'focus/20260901-20260930/bbbb-run/part_0_0001.parquet',
      ],
      [
        'focus/20261001-20261031',
        'focus/20261001-20261031/aaaa-run/part_0_0001.parquet',
      ],
    ]);
  });

  it('says which blob an Azure run misses when no run of the period is complete', async () => {
    const { entries, readText } = tree({
      '20261001-20261031/run-1/part_0_0001.csv': [1],
      '20261001-20261031/run-1/manifest.json': [
        1,
        JSON.stringify({
          runInfo: { submittedTime: '2026-10-05T06:00:00Z' },
          blobs: [
            {
              blobName: 'exports/focus/20261001-20261031/run-1/part_0_0001.csv',
            },
            {
              blobName: 'exports/focus/20261001-20261031/run-1/part_1_0001.csv',
            },
          ],
        }),
      ],
    });

    const plan = await planDeliveries(entries, 'auto', readText);

    expect(plan.deliveries).toEqual([]);
    expect(plan.problems).toEqual([
      {
        id: '20261001-20261031',
        message:
          'incomplete delivery: manifest 20261001-20261031/run-1/manifest.json lists ' +
          'exports/focus/20261001-20261031/run-1/part_1_0001.csv, which is missing; ' +
          'the period was not ingested',
      },
    ]);
  });

  it('keeps a tree of plain files one delivery', async () => {
    const { entries, readText } = tree({
      '2026-10/b.csv': [1],
      '2026-10/a.csv': [1],
      'README.md': [1],
    });

    expect(await planDeliveries(entries, 'auto', readText)).toEqual({
      layout: 'files',
      deliveries: [
        {
          id: '',
          parts: [
            { path: '2026-10/a.csv', key: '2026-10/a.csv' },
            { path: '2026-10/b.csv', key: '2026-10/b.csv' },
          ],
          notes: [],
        },
      ],
      problems: [],
    });
  });
});
