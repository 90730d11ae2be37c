import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SourceFileFetcher, TREE_ETAG_KEY } from './SourceFileFetcher';
import { fakeObjectStore } from './__testUtils__/fakeObjectStore';

describe('SourceFileFetcher with URL prefixes', () => {
  const container = 'https://acme.blob.core.windows.net/costs';
  const run = `${container}/focus/contoso/20261001-20261031/6f1c-run`;
  const objects = [
    {
      url: `${run}/part_0_0001.csv`,
      content: 'a\n1\n',
      lastModified: new Date('2026-10-05T06:10:00Z'),
    },
    {
      url: `${run}/manifest.json`,
      content: JSON.stringify({
        runInfo: { submittedTime: '2026-10-05T06:00:00Z' },
        blobs: [
          {
            blobName:
              'focus/contoso/20261001-20261031/6f1c-run/part_0_0001.csv',
          },
        ],
      }),
      lastModified: new Date('2026-10-05T06:11:00Z'),
    },
  ];
  let downloads: string;

  beforeEach(async () => {
    downloads = await mkdtemp(path.join(os.tmpdir(), 'finops-prefix-dl-'));
  });
  afterEach(async () => {
    await rm(downloads, { recursive: true, force: true });
  });

  it('reads a prefix with readTree, downloads only the chosen parts, and removes them on release', async () => {
    const urlReader = fakeObjectStore(objects);
    const fetcher = new SourceFileFetcher({
      urlReader,
      tempDirectory: downloads,
    });

    const fetched = await fetcher.fetchDeliveries(`${container}/focus/`);

    expect(fetched.layout).toBe('azure-cost-export');
    expect(fetched.treeEtag).toBeUndefined();
    const [delivery] = fetched.deliveries;
    expect(delivery.files).toEqual([
      {
        key: 'contoso/20261001-20261031/part_0_0001.csv',
        fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      },
    ]);
    const [file] = await delivery.localFiles();
    expect(await readFile(file.path, 'utf8')).toBe('a\n1\n');
    await fetched.release();
    expect(await readdir(downloads)).toEqual([]);
  });

  it('sends the tree etag of the last complete run and reads nothing when the store says not modified', async () => {
    const urlReader = fakeObjectStore(objects, { treeEtag: 'commit-1' });
    const fetcher = new SourceFileFetcher({
      urlReader,
      tempDirectory: downloads,
    });

    const first = await fetcher.fetchDeliveries(`${container}/focus/`);
    await first.release();
    const second = await fetcher.fetchDeliveries(
      `${container}/focus/`,
      'auto',
      {
        [TREE_ETAG_KEY]: first.treeEtag!,
      },
    );

    expect(first.treeEtag).toBe('commit-1');
    expect(urlReader.readTree).toHaveBeenLastCalledWith(`${container}/focus/`, {
      etag: 'commit-1',
    });
    expect(second).toMatchObject({ treeUnchanged: true, deliveries: [] });
  });

  it('says a prefix without exports matches no files', async () => {
    const urlReader = fakeObjectStore(objects);
    const fetcher = new SourceFileFetcher({
      urlReader,
      tempDirectory: downloads,
    });

    await expect(
      fetcher.fetchDeliveries(`${container}/focus/`, 'aws-data-exports'),
    ).rejects.toThrow(
      `location "${container}/focus/" matches no files (looked for data/BILLING_PERIOD=YYYY-MM or metadata/BILLING_PERIOD=YYYY-MM folders)`,
    );
    await expect(
      fetcher.fetchDeliveries(`${container}/other/`),
    ).rejects.toThrow(
      `location "${container}/other/" matches no files (no objects below`,
    );
  });
});
