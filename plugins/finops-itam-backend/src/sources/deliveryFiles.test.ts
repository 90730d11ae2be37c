import { FinopsItamCostDelivery } from '@finops-itam/plugin-finops-itam-node';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkContents } from './checkContents';
import { readDeliveryFiles } from './deliveryFiles';

describe('reading a delivery a source hands over', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-delivery-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const delivery = (
    read: FinopsItamCostDelivery['read'],
    names = ['a.csv', 'b.csv'],
  ): FinopsItamCostDelivery => ({
    id: '2026-10',
    files: names.map(name => ({ name, fingerprint: `v1:${name}` })),
    read,
  });

  it('uses files on disk where they are, writes bytes and streams to temporary files, and removes only those', async () => {
    const onDisk = path.join(dir, 'a.csv');
    await writeFile(onDisk, 'x\n1\n');
    async function* chunks() {
      yield 'y\n';
      yield new TextEncoder().encode('2\n');
    }

    const read = await readDeliveryFiles(
      delivery(async () => [
        { name: 'a.csv', path: onDisk },
        { name: 'b.csv', content: chunks(), fingerprint: 'v2:b.csv' },
      ]),
      dir,
    );

    expect(read.files).toEqual([
      { key: '2026-10/a.csv', path: onDisk, fingerprint: 'v1:a.csv' },
      {
        key: '2026-10/b.csv',
        path: expect.stringContaining('finops-itam-delivery-'),
        fingerprint: 'v2:b.csv',
      },
    ]);
    expect(await readFile(read.files[1].path, 'utf8')).toBe('y\n2\n');
    await read.release();
    expect(await readdir(dir)).toEqual(['a.csv']);
  });

  it('writes a byte array whole', async () => {
    const read = await readDeliveryFiles(
      delivery(
        async () => [{ name: 'a.csv', content: Buffer.from('z\n3\n') }],
        ['a.csv'],
      ),
      dir,
    );

    expect(await readFile(read.files[0].path, 'utf8')).toBe('z\n3\n');
    await read.release();
  });

  it('refuses content that does not match the files listed, naming them', async () => {
    await expect(
      readDeliveryFiles(
        delivery(async () => [
          { name: 'a.csv', content: 'x' },
          { name: 'c.csv', content: 'y' },
        ]),
        dir,
      ),
    ).rejects.toThrow(
      'the content read does not match the files listed (no content for b.csv, unexpected c.csv)',
    );
  });

  it('refuses deliveries whose fingerprints could not be kept apart', () => {
    const read = async () => [];
    expect(() =>
      checkContents({
        deliveries: [
          { id: '2026-10', files: [], read },
          { id: '2026-10', files: [], read },
        ],
      }),
    ).toThrow('the source returned delivery "2026-10" twice');
    expect(() =>
      checkContents({
        deliveries: [{ id: '', files: [], read }],
        problems: [{ id: '2026-11', message: 'late' }],
      }),
    ).toThrow(/delivery with id "" \(the whole source\) next to others/);
    expect(() =>
      checkContents({
        deliveries: [
          {
            id: '2026-10',
            files: [
              { name: 'a.csv', fingerprint: '1' },
              { name: 'a.csv', fingerprint: '2' },
            ],
            read,
          },
        ],
      }),
    ).toThrow('delivery "2026-10" lists file "a.csv" twice');
  });
});
