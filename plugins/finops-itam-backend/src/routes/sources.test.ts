import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { finopsItamPlugin } from '../plugin';
import { focusCsv } from '../sources/__fixtures__/focusCsv';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

describe('cost sources: scheduled runs, GET /sources and POST /sources/:id/refresh', () => {
  const databases = createTestDatabases();
  const auth = mockCredentials.service.header();
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'finops-sources-test-'));
    await mkdir(path.join(dir, 'aws'));
    await writeFile(
      path.join(dir, 'aws/part-1.csv'),
      focusCsv([{ day: 5, cost: '1.5' }]),
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function start(features: any[] = []) {
    const scheduler = mockServices.scheduler.mock();
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const { server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        scheduler.factory,
        auditor.factory,
        mockServices.rootConfig.factory({
          data: {
            finopsItam: {
              costSources: [
                { id: 'aws-focus', location: path.join(dir, 'aws') },
                { id: 'azure-focus', location: path.join(dir, 'azure/*.csv') },
              ],
            },
          },
        }),
        ...features,
      ],
    });
    const task = (id: string) => {
      const call = scheduler.scheduleTask.mock.calls.find(([t]) => t.id === id);
      if (!call) throw new Error(`no task ${id}`);
      return call[0];
    };
    return { server, task, event };
  }

  it.each(databases.eachSupportedId())(
    'schedules a global task per source whose run shows in GET /sources and GET /ingestions on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server, task } = await start([
        mockServices.database.factory({ knex }),
      ]);

      expect(task('finops-itam-cost-source-aws-focus')).toMatchObject({
        scope: 'global',
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { seconds: 10 },
      });
      expect(task('finops-itam-cost-retention')).toMatchObject({
        scope: 'global',
      });

      await task('finops-itam-cost-source-aws-focus').fn(
        new AbortController().signal,
      );

      const sources = await request(server)
        .get('/api/finops-itam/sources')
        .set('Authorization', auth);
      expect(sources.status).toBe(200);
      const ingestionId = sources.body[0].lastRun.ingestionId;
      expect(sources.body).toEqual([
        {
          id: 'aws-focus',
          location: path.join(dir, 'aws'),
          schedule: 'every 1 hour, timeout 30 minutes',
          lastRun: {
            ingestionId: expect.any(String),
            at: expect.any(String),
            status: 'succeeded',
            message: expect.stringMatching(/^Ingested 1 of 1 rows/),
            rows: { read: 1, accepted: 1, rejected: 0 },
            warnings: [],
          },
          lastIngestion: {
            id: ingestionId,
            status: 'succeeded',
            at: expect.any(String),
            rows: { read: 1, accepted: 1, rejected: 0 },
            warnings: [],
          },
          dataThrough: '2026-10-05',
          schemaDrift: null,
        },
        {
          id: 'azure-focus',
          location: path.join(dir, 'azure/*.csv'),
          schedule: 'every 1 hour, timeout 30 minutes',
          lastRun: null,
          lastIngestion: null,
          dataThrough: null,
          schemaDrift: null,
        },
      ]);

      const ingestions = await request(server)
        .get('/api/finops-itam/ingestions')
        .set('Authorization', auth);
      expect(ingestions.body).toEqual([
        expect.objectContaining({
          id: ingestionId,
          sourceId: 'aws-focus',
          fileName: 'part-1.csv',
        }),
      ]);
    },
  );

  it('refreshes a source: ingests, then skips unchanged files, then re-ingests a changed one', async () => {
    const { server, event } = await start();
    const refresh = () =>
      request(server)
        .post('/api/finops-itam/sources/aws-focus/refresh')
        .set('Authorization', auth);

    const first = await refresh();
    const second = await refresh();
    await writeFile(
      path.join(dir, 'aws/part-1.csv'),
      focusCsv([{ day: 6, cost: '2' }]),
    );
    const third = await refresh();

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      sourceId: 'aws-focus',
      status: 'succeeded',
      report: { status: 'succeeded', rows: { read: 1 } },
    });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      sourceId: 'aws-focus',
      status: 'skipped',
      message: 'unchanged since the last run (same etag or content hash)',
      at: expect.any(String),
      report: null,
    });
    expect(third.body).toMatchObject({ status: 'succeeded' });
    expect(event.success).toHaveBeenCalledTimes(3);

    const sources = await request(server)
      .get('/api/finops-itam/sources')
      .set('Authorization', auth);
    expect(sources.body[0]).toMatchObject({
      lastRun: { status: 'succeeded', ingestionId: third.body.report.id },
      dataThrough: '2026-10-06',
    });
  });

  it('shows a skipped run without rows but keeps the latest ingestion', async () => {
    const { server } = await start();
    const refresh = () =>
      request(server)
        .post('/api/finops-itam/sources/aws-focus/refresh')
        .set('Authorization', auth);
    const first = await refresh();
    await refresh();

    const sources = await request(server)
      .get('/api/finops-itam/sources')
      .set('Authorization', auth);

    expect(sources.body[0]).toMatchObject({
      lastRun: { status: 'skipped', ingestionId: null, rows: null },
      lastIngestion: { id: first.body.report.id, rows: { read: 1 } },
    });
  });

  it('answers 400 with the report when the delivery is rejected', async () => {
    const { server, event } = await start();
    await writeFile(
      path.join(dir, 'aws/part-1.csv'),
      focusCsv([{ day: 5, cost: '1' }], { omit: ['EffectiveCost'] }),
    );

    const response = await request(server)
      .post('/api/finops-itam/sources/aws-focus/refresh')
      .set('Authorization', auth);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('EffectiveCost'),
      report: { status: 'rejected' },
    });
    expect(event.fail).toHaveBeenCalled();
  });

  it('records a location without files as a failed run and answers 500 saying so', async () => {
    const { server, task } = await start();

    await task('finops-itam-cost-source-azure-focus').fn(
      new AbortController().signal,
    );
    const response = await request(server)
      .post('/api/finops-itam/sources/azure-focus/refresh')
      .set('Authorization', auth);
    const sources = await request(server)
      .get('/api/finops-itam/sources')
      .set('Authorization', auth);

    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ status: 'failed', report: null });
    expect(response.body.message).toMatch(
      /^location ".*azure\/\*\.csv" matches no files$/,
    );
    expect(sources.body[1].lastRun).toMatchObject({
      status: 'failed',
      message: response.body.message,
    });
  });

  it('answers 404 for an unknown source, listing the configured ones', async () => {
    const { server } = await start();

    const response = await request(server)
      .post('/api/finops-itam/sources/gcp/refresh')
      .set('Authorization', auth);

    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No cost source "gcp"; configured sources: aws-focus, azure-focus',
    );
  });

  it('refuses users without the permissions', async () => {
    const { server } = await start([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const user = mockCredentials.user.header();

    const list = await request(server)
      .get('/api/finops-itam/sources')
      .set('Authorization', user);
    const refresh = await request(server)
      .post('/api/finops-itam/sources/aws-focus/refresh')
      .set('Authorization', user);
    const health = await request(server).get('/api/finops-itam/health');

    expect(list.status).toBe(403);
    expect(refresh.status).toBe(403);
    expect(refresh.body.error.message).toBe(
      'This needs the finops-itam.ingestion.run permission',
    );
    expect(health.status).toBe(200);
  });
});
