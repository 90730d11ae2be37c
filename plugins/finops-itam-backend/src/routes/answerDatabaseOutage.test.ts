import express from 'express';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { DatabaseHealthStore } from '../database/DatabaseHealthStore';
import { isDatabaseUnavailable } from '../database/databaseUnavailable';
import { createRouter } from '../router';
import { HealthService } from '../services/HealthService';
import { createHealthRoutes } from './health';
import { createTypedRoutes } from '../schema';

/** A PostgreSQL client pointed at a port nothing listens on: a database that is down. */
function unreachablePostgres(): Knex {
  return knexFactory({
    client: 'pg',
    connection: { host: '127.0.0.1', port: 1, user: 'postgres' },
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 10_000,
  });
}

async function appWith(routes: express.Router) {
  const app = express();
  app.use(await createRouter([{ mount: router => router.use(routes) }]));
  // The status Backstage's error middleware gives these errors, by name.
  const errorHandler: express.ErrorRequestHandler = (
    error,
    _req,
    res,
    _next,
  ) => {
    res
      .status(error.name === 'ServiceUnavailableError' ? 503 : 500)
      .json({ error: { name: error.name, message: error.message } });
  };
  app.use(errorHandler);
  return app;
}

describe('a database that is not reachable', () => {
  let db: Knex;
  beforeAll(() => {
    db = unreachablePostgres();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('is told apart from a query that is wrong', async () => {
    const outage = await db.raw('select 1').catch(error => error);
    expect(isDatabaseUnavailable(outage)).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('relation "nope" does not exist')),
    ).toBe(false);
    expect(isDatabaseUnavailable({ code: '42P01' })).toBe(false);
    expect(isDatabaseUnavailable({ code: '57P01' })).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error('wrapped', { cause: { code: 'ECONNRESET' } }),
      ),
    ).toBe(true);
  });

  it('makes health answer 503 with the reason', async () => {
    const app = await appWith(
      createHealthRoutes(new HealthService(new DatabaseHealthStore(db))),
    );

    const response = await request(app).get('/health');

    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^The finops-itam database is not reachable right now \(.*ECONNREFUSED.*\); nothing was changed/,
      ),
    });
  });

  it('leaves other errors to the usual answers', async () => {
    const routes = createTypedRoutes();
    routes.get('/health', async () => {
      throw new Error('a bug');
    });
    const app = await appWith(routes);

    const response = await request(app).get('/health');

    expect(response.status).toBe(500);
  });
});
