import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { finopsItamPlugin } from '../plugin';

jest.setTimeout(60_000);

/**
 * An upload far over `finopsItam.ingestion.uploadLimitMb` must be cut off at the limit: the
 * existing route test shows a small file over a tiny limit is refused and removed; this one
 * shows a large body never gets written to disk beyond the limit, so it cannot fill it.
 */
describe('POST /ingestions over the upload limit', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'finops-upload-limit-'));
    jest.spyOn(os, 'tmpdir').mockReturnValue(tmp);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(tmp, { recursive: true, force: true });
  });

  /** Counts every byte written through a file stream under the upload directory. */
  function countBytesWrittenUnder(directory: string) {
    const written = { bytes: 0 };
    const create = fs.createWriteStream.bind(fs);
    jest
      .spyOn(fs, 'createWriteStream')
      .mockImplementation((target: any, options?: any) => {
        const stream = create(target, options);
        if (String(target).startsWith(directory)) {
          const write = stream.write.bind(stream) as (...a: any[]) => boolean;
          stream.write = ((chunk: Buffer, ...rest: any[]) => {
            written.bytes += chunk.length;
            return write(chunk, ...rest);
          }) as typeof stream.write;
        }
        return stream;
      });
    return written;
  }

  it('answers 413 and writes no more than the limit to disk for a body 32 times larger', async () => {
    const limitMb = 1;
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        mockServices.rootConfig.factory({
          data: { finopsItam: { ingestion: { uploadLimitMb: limitMb } } },
        }),
      ],
    });
    const written = countBytesWrittenUnder(tmp);
    const body = Buffer.alloc(32 * 1024 * 1024, 'BilledCost,1.00\n');

    const response = await request(server)
      .post('/api/finops-itam/ingestions')
      .set('Authorization', mockCredentials.service.header())
      .attach('file', body, 'huge.csv');

    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe(
      'The file is larger than the upload limit of 1 MB (finopsItam.ingestion.uploadLimitMb)',
    );
    // Something was received before the limit tripped, so the counter did see the upload.
    expect(written.bytes).toBeGreaterThan(0);
    // The parser stops within a chunk of the limit (busboy passes one byte over to see it).
    expect(written.bytes).toBeLessThanOrEqual(
      limitMb * 1024 * 1024 + 64 * 1024,
    );
    expect(await readdir(tmp)).toEqual([]);
  });
});
