import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { LocationNotFoundError } from './errors';
import { SourceFileFetcher } from './SourceFileFetcher';

describe('SourceFileFetcher', () => {
  let root: string;
  let downloads: string;
  const urlReader = mockServices.urlReader.mock();
  const fetcher = () =>
    new SourceFileFetcher({
      urlReader,
      workingDirectory: root,
      tempDirectory: downloads,
    });

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'finops-fetcher-'));
    downloads = await mkdtemp(path.join(os.tmpdir(), 'finops-fetcher-dl-'));
    await mkdir(path.join(root, 'exports/aws/2026-10'), { recursive: true });
    await writeFile(
      path.join(root, 'exports/aws/2026-10/part-1.csv'),
      'a\n1\n',
    );
    await writeFile(path.join(root, 'exports/aws/2026-10/part-2.csv.gz'), 'b');
    await writeFile(path.join(root, 'exports/aws/2026-10/data.PARQUET'), 'c');
    await writeFile(path.join(root, 'exports/aws/README.md'), 'not an export');
    await writeFile(path.join(root, 'exports/aws/manifest.json'), '{}');
    urlReader.readUrl.mockReset();
    urlReader.search.mockReset();
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(downloads, { recursive: true, force: true });
  });

  describe('local locations', () => {
    it('reads a directory recursively, only cost files, keyed by relative path', async () => {
      const fetched = await fetcher().fetch('exports/aws');

      expect(fetched.files.map(f => f.key)).toEqual([
        '2026-10/data.PARQUET',
        '2026-10/part-1.csv',
        '2026-10/part-2.csv.gz',
      ]);
      const local = await fetched.localFiles();
      expect(local[1].path).toBe(
        path.join(root, 'exports/aws/2026-10/part-1.csv'),
      );
    });

    it('reads a glob, keyed relative to the part before the wildcard', async () => {
      const fetched = await fetcher().fetch(
        path.join(root, 'exports/*/2026-*/*.csv'),
      );

      expect(fetched.files.map(f => f.key)).toEqual(['aws/2026-10/part-1.csv']);
    });

    it('reads a single file, keyed by its name', async () => {
      const fetched = await fetcher().fetch('./exports/aws/2026-10/part-1.csv');

      expect(fetched.files).toEqual([
        {
          key: 'part-1.csv',
          fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        },
      ]);
    });

    it('fingerprints the content: same content same fingerprint, changed content a new one', async () => {
      const file = path.join(root, 'exports/aws/2026-10/part-1.csv');
      const first = (await fetcher().fetch(file)).files[0].fingerprint;
      const again = (await fetcher().fetch(file)).files[0].fingerprint;
      await writeFile(file, 'a\n2\n');
      const changed = (await fetcher().fetch(file)).files[0].fingerprint;

      expect(again).toBe(first);
      expect(changed).not.toBe(first);
    });

    it.each([
      ['exports/gcp'],
      ['exports/*/nothing-*.csv'],
      ['exports/aws/2026-10/missing.csv'],
    ])('says a location %p matches no files', async location => {
      await expect(fetcher().fetch(location)).rejects.toThrow(
        LocationNotFoundError,
      );
      await expect(fetcher().fetch(location)).rejects.toThrow(
        `location "${location}" (${path.resolve(
          root,
          location,
        )}) matches no files`,
      );
    });

    it('says which files it looked for in an empty directory', async () => {
      await mkdir(path.join(root, 'empty'));
      await expect(fetcher().fetch('empty')).rejects.toThrow(
        /matches no files \(looked for \*\.csv, \*\.csv\.gz, \*\.gz and \*\.parquet\)/,
      );
    });
  });

  describe('URL locations', () => {
    const url = 'https://bucket.s3.eu-west-1.amazonaws.com/focus/export.csv';

    const respond = (body: string, etag?: string) => ({
      buffer: async () => {
        throw new Error('the body must be streamed, not buffered');
      },
      stream: () => Readable.from([Buffer.from(body)]),
      etag,
    });

    it('streams the object to a temporary file and removes it on release', async () => {
      urlReader.readUrl.mockResolvedValue(respond('a,b\n1,2\n', '"v1"'));

      const fetched = await fetcher().fetch(url);
      const [file] = await fetched.localFiles();

      expect(urlReader.readUrl).toHaveBeenCalledWith(url, undefined);
      expect(file).toMatchObject({ key: url, fingerprint: 'etag:"v1"' });
      expect(await readFile(file.path, 'utf8')).toBe('a,b\n1,2\n');
      await fetched.release();
      expect(await readdir(downloads)).toEqual([]);
    });

    it('sends the previous etag and downloads nothing when the object is not modified', async () => {
      urlReader.readUrl.mockRejectedValue(new NotModifiedError());

      const fetched = await fetcher().fetch(url, { [url]: 'etag:"v1"' });

      expect(urlReader.readUrl).toHaveBeenCalledWith(url, { etag: '"v1"' });
      expect(fetched.files).toEqual([{ key: url, fingerprint: 'etag:"v1"' }]);
      expect(await readdir(downloads)).toEqual([]);
    });

    it('downloads a not-modified file after all when the delivery is read whole', async () => {
      urlReader.readUrl
        .mockRejectedValueOnce(new NotModifiedError())
        .mockResolvedValueOnce(respond('x', '"v1"'));

      const fetched = await fetcher().fetch(url, { [url]: 'etag:"v1"' });
      const [file] = await fetched.localFiles();

      expect(urlReader.readUrl).toHaveBeenLastCalledWith(url, undefined);
      expect(await readFile(file.path, 'utf8')).toBe('x');
      await fetched.release();
    });

    it('hashes the content when the store sends no etag', async () => {
      urlReader.readUrl.mockImplementation(async () => respond('same'));

      const first = await fetcher().fetch(url);
      const second = await fetcher().fetch(
        url,
        Object.fromEntries(first.files.map(f => [f.key, f.fingerprint])),
      );

      expect(first.files[0].fingerprint).toMatch(/^sha256:/);
      expect(second.files[0].fingerprint).toBe(first.files[0].fingerprint);
      await first.release();
      await second.release();
    });

    it('searches URLs with a wildcard and reads each match', async () => {
      const match = (name: string) => ({
        url: `https://storage.cloud.google.com/billing/focus/${name}`,
        content: async () => Buffer.from(''),
      });
      urlReader.search.mockResolvedValue({
        etag: 'e',
        files: [match('b.csv'), match('a.csv')],
      });
      urlReader.readUrl.mockImplementation(async u =>
        respond(u, `"${u.slice(-5)}"`),
      );

      const fetched = await fetcher().fetch(
        'https://storage.cloud.google.com/billing/focus/*.csv',
      );

      expect(fetched.files.map(f => f.key)).toEqual([
        'https://storage.cloud.google.com/billing/focus/a.csv',
        'https://storage.cloud.google.com/billing/focus/b.csv',
      ]);
      await fetched.release();
    });

    it('says a URL matches no files when the store has no such object or search finds none', async () => {
      urlReader.readUrl.mockRejectedValue(new NotFoundError('no such key'));
      await expect(fetcher().fetch(url)).rejects.toThrow(
        `location "${url}" matches no files (no such key)`,
      );

      urlReader.search.mockResolvedValue({ etag: '', files: [] });
      await expect(
        fetcher().fetch('https://storage.cloud.google.com/b/*.csv'),
      ).rejects.toThrow(LocationNotFoundError);
      expect(await readdir(downloads)).toEqual([]);
    });

    it('keeps signatures in the query string out of file keys', async () => {
      urlReader.readUrl.mockResolvedValue(respond('x', '"v1"'));
      const fetched = await fetcher().fetch(`${url}?X-Amz-Signature=secret`);

      expect(fetched.files[0].key).toBe(`${url}?…`);
      await fetched.release();
    });
  });
});
