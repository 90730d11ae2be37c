import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { finopsItamPlugin } from '../plugin';
import { focusCsv } from '../sources/__fixtures__/focusCsv';
import {
  ALICE,
  ANALYST,
  ownerRulePermissions,
} from '../__testUtils__/twoTeams';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const goodCsv = focusCsv([
  { day: 5, cost: '0.0000004000000001' },
  { day: 6, cost: '1.2345678901' },
]);

describe('POST /ingestions and GET /ingestions', () => {
  const databases = createTestDatabases();
  let tmp: string;

  // Uploads land in the OS temp directory; a private one shows what is left behind.
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'finops-upload-test-'));
    jest.spyOn(os, 'tmpdir').mockReturnValue(tmp);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(tmp, { recursive: true, force: true });
  });

  async function start(
    options: { finopsItam?: object; features?: any[] } = {},
  ) {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        auditor.factory,
        mockServices.rootConfig.factory({
          data: {
            finopsItam: options.finopsItam ?? {},
            permission: { enabled: true },
          },
        }),
        ...(options.features ?? []),
      ],
    });
    return { server, auditor, event };
  }

  const upload = (
    server: any,
    content: string,
    auth = mockCredentials.service.header(),
  ) =>
    request(server)
      .post('/api/finops-itam/ingestions')
      .set('Authorization', auth)
      .field('source', 'aws-focus')
      .attach('file', Buffer.from(content), 'export.csv');

  it.each(databases.eachSupportedId())(
    'ingests an upload, answers 201 with the report and keeps it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, auditor, event } = await start({
        features: [mockServices.database.factory({ knex })],
      });

      const response = await upload(server, goodCsv);

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        sourceId: 'aws-focus',
        fileName: 'export.csv',
        status: 'succeeded',
        format: 'csv',
        rows: { read: 2, accepted: 2, rejected: 0 },
        totals: [
          {
            billingAccountId: '111111111111',
            billingPeriodStart: '2026-10-01',
            currency: 'USD',
            billedCost: '1.2345682901000001',
            reconciled: true,
          },
        ],
      });
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'cost-upload' }),
      );
      expect(event.success).toHaveBeenCalledWith({
        meta: expect.objectContaining({
          ingestionId: response.body.id,
          status: 'succeeded',
        }),
      });
      expect(await readdir(tmp)).toEqual([]);

      const byId = await request(server)
        .get(`/api/finops-itam/ingestions/${response.body.id}`)
        .set('Authorization', mockCredentials.service.header());
      expect(byId.status).toBe(200);
      expect(byId.body).toEqual(response.body);

      const listed = await request(server)
        .get('/api/finops-itam/ingestions?source=aws-focus&limit=5')
        .set('Authorization', mockCredentials.service.header());
      expect(listed.body.map((r: any) => r.id)).toEqual([response.body.id]);
    },
  );

  it('uses the label "upload" when no source is given', async () => {
    const { server } = await start();

    const response = await request(server)
      .post('/api/finops-itam/ingestions')
      .set('Authorization', mockCredentials.service.header())
      .attach('file', Buffer.from(goodCsv), 'export.csv');

    expect(response.status).toBe(201);
    expect(response.body.sourceId).toBe('upload');
  });

  it('rejects a file missing mandatory columns with 400, naming them, and audits a failure', async () => {
    const { server, event } = await start();

    const response = await upload(
      server,
      focusCsv([{ day: 5, cost: '1' }], {
        omit: ['BilledCost', 'ChargeCategory'],
      }),
    );

    expect(response.status).toBe(400);
    expect(response.body.status).toBe('rejected');
    expect(response.body.message).toMatch(
      /missing mandatory FOCUS column\(s\): .*BilledCost.*ChargeCategory/,
    );
    expect(event.fail).toHaveBeenCalled();
    expect(await readdir(tmp)).toEqual([]);
  });

  it('answers 400 when the multipart field "file" is missing', async () => {
    const { server } = await start();

    const multipart = await request(server)
      .post('/api/finops-itam/ingestions')
      .set('Authorization', mockCredentials.service.header())
      .field('source', 'aws-focus');
    const json = await request(server)
      .post('/api/finops-itam/ingestions')
      .set('Authorization', mockCredentials.service.header())
      .send({ file: 'x' });

    for (const response of [multipart, json]) {
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'multipart field "file" is required',
      );
    }
  });

  it('answers 400 for a source label that is not kebab-case', async () => {
    const { server } = await start();

    const response = await request(server)
      .post('/api/finops-itam/ingestions')
      .set('Authorization', mockCredentials.service.header())
      .field('source', 'AWS Focus')
      .attach('file', Buffer.from(goodCsv), 'export.csv');

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /source must be lowercase kebab-case/,
    );
    expect(await readdir(tmp)).toEqual([]);
  });

  it('answers 413 naming the limit for a file over it, and leaves nothing on disk', async () => {
    const { server } = await start({
      finopsItam: { ingestion: { uploadLimitMb: 0.001 } },
    });
    const large = focusCsv(
      Array.from({ length: 20 }, (_, i) => ({ day: (i % 28) + 1, cost: '1' })),
    );
    expect(large.length).toBeGreaterThan(1048);

    const response = await upload(server, large);

    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe(
      'The file is larger than the upload limit of 0.001 MB (finopsItam.ingestion.uploadLimitMb)',
    );
    expect(await readdir(tmp)).toEqual([]);
  });

  it('refuses a user the policy denies with 403, before writing anything', async () => {
    const { server, event } = await start({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });

    const response = await upload(
      server,
      goodCsv,
      mockCredentials.user.header(),
    );

    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'This needs the finops-itam.ingestion.run permission',
    );
    expect(event.fail).toHaveBeenCalled();
    expect(await readdir(tmp)).toEqual([]);
  });

  it('lets a user the policy allows upload', async () => {
    const { server } = await start({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });

    const response = await upload(
      server,
      goodCsv,
      mockCredentials.user.header(),
    );

    expect(response.status).toBe(201);
  });

  it('refuses a static token restricted to other permissions', async () => {
    const readOnly = mockCredentials.service('external:finops-itam-scripts', {
      permissionNames: ['finops-itam.read'],
    });
    const { server } = await start({
      features: [
        mockServices.httpAuth.factory({ defaultCredentials: readOnly }),
      ],
    });

    const uploaded = await request(server)
      .post('/api/finops-itam/ingestions')
      .attach('file', Buffer.from(goodCsv), 'export.csv');
    const listed = await request(server).get('/api/finops-itam/ingestions');

    expect(uploaded.status).toBe(403);
    expect(listed.status).toBe(200);
  });

  it('validates the list query and answers 404 for an unknown ingestion id', async () => {
    const { server } = await start();
    const auth = mockCredentials.service.header();

    const tooMany = await request(server)
      .get('/api/finops-itam/ingestions?limit=501')
      .set('Authorization', auth);
    const unknown = await request(server)
      .get('/api/finops-itam/ingestions/nope')
      .set('Authorization', auth);

    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/^Invalid query: limit/);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No ingestion with id "nope"');
  });

  it('denies reading ingestions to a user without finops-itam.read', async () => {
    const { server } = await start({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });

    const response = await request(server)
      .get('/api/finops-itam/ingestions')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'This needs the finops-itam.read permission',
    );
  });

  it("keeps a delivery's money from a team member under the owner rule, and shows it to the analyst", async () => {
    const { server } = await start({
      features: [ownerRulePermissions().factory],
    });
    const uploaded = await upload(server, goodCsv);
    expect(uploaded.status).toBe(201);
    const read = (route: string, user: string) =>
      request(server)
        .get(`/api/finops-itam${route}`)
        .set('Authorization', mockCredentials.user.header(user));

    for (const route of ['/ingestions', `/ingestions/${uploaded.body.id}`]) {
      const alice = await read(route, ALICE);
      const analyst = await read(route, ANALYST);
      const [aliceReport] = [alice.body].flat();
      const [analystReport] = [analyst.body].flat();
      // Alice still sees what happened to the file, without its amounts.
      expect(alice.status).toBe(200);
      expect(aliceReport).toMatchObject({
        id: uploaded.body.id,
        status: 'succeeded',
        rows: { read: 2, accepted: 2, rejected: 0 },
        totals: [],
        totalsHidden: true,
      });
      expect(analyst.status).toBe(200);
      expect(analystReport.totals).toEqual(uploaded.body.totals);
      expect(analystReport.totalsHidden).toBeUndefined();
    }
  });
});
