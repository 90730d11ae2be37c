/*
 * The in-process pieces the benchmark serves the real entity cost route with.
 */
import {
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { CostQueryService } from '../../src/allocation/CostQueryService';
import { RequirePermission } from '../../src/permissions';
import { createEntityCostRoutes } from '../../src/routes/entityCost';

/**
 * A benchmark harness, not a test mock: the generated catalog held in memory, answering
 * the two catalog calls the plugin makes (`getEntities` from AllocationService,
 * `getEntityByRef` from CostQueryService) with a map lookup. A real catalog adds its own
 * round trip per request (HTTP to the catalog backend), which this benchmark does not
 * measure: it measures this plugin's query path and database.
 */
export class InMemoryCatalog
  implements
    Pick<
      CatalogService,
      'getEntities' | 'getEntityByRef' | 'getEntitiesByRefs'
    >
{
  private readonly byRef: Map<string, Entity>;

  constructor(private readonly entities: Entity[]) {
    this.byRef = new Map(
      entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
    );
  }

  getEntities: CatalogService['getEntities'] = async request => {
    const kinds = (request?.filter as { kind?: string | string[] } | undefined)
      ?.kind;
    const wanted =
      kinds === undefined
        ? undefined
        : new Set([kinds].flat().map(k => k.toLowerCase()));
    return {
      items: this.entities.filter(
        e => !wanted || wanted.has(e.kind.toLowerCase()),
      ),
    };
  };

  /** The KPIs' owning-group lookup (`GET /kpis?groupBy=team`). */
  getEntitiesByRefs: CatalogService['getEntitiesByRefs'] = async request => ({
    items: request.entityRefs.map(ref =>
      this.byRef.get(ref.toLocaleLowerCase('en-US')),
    ),
  });

  getEntityByRef: CatalogService['getEntityByRef'] = async (
    ref: string | CompoundEntityRef,
  ) => {
    const key = stringifyEntityRef(
      typeof ref === 'string' ? parseEntityRef(ref) : ref,
    );
    return this.byRef.get(key.toLocaleLowerCase('en-US'));
  };
}

/** Service credentials are never inspected by the in-memory catalog. */
export const benchAuth: Pick<AuthService, 'getOwnServiceCredentials'> = {
  getOwnServiceCredentials: async () =>
    ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'service', subject: 'bench' },
    } as BackstageCredentials<BackstageServicePrincipal>),
};

/**
 * Allows every request. The full `createRouter` needs the ingestion, source and report
 * services plus the backend's httpAuth and permissions services; the benchmark mounts only
 * the real entity cost route (`createEntityCostRoutes`, exactly as `createRouter` mounts it)
 * with this helper, so the numbers are the route's parsing, CostQueryService and the
 * database, without token verification or a permission-backend round trip.
 */
export const allowAll: RequirePermission = (async () =>
  benchAuth.getOwnServiceCredentials()) as RequirePermission;

/** Serves the entity cost route on an ephemeral localhost port. */
export async function serveEntityCost(
  costQueries: CostQueryService,
): Promise<{ server: Server; port: number }> {
  const app = express();
  app.use(createEntityCostRoutes({ costQueries, requirePermission: allowAll }));
  // The Backstage error handler in short: known errors keep their status.
  app.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status =
        { NotFoundError: 404, InputError: 400, NotAllowedError: 403 }[
          error.name
        ] ?? 500;
      res
        .status(status)
        .json({ error: { name: error.name, message: error.message } });
    },
  );
  const server = await new Promise<Server>(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 60_000;
  return { server, port: (server.address() as AddressInfo).port };
}
