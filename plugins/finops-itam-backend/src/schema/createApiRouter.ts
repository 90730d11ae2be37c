import { TypedRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import Router from 'express-promise-router';
import { EndpointMap, createOpenApiRouter, spec } from './openapi/generated';
import { answerValidationProblems } from './problemsAnswers';
import { rewordRequestErrors } from './requestErrors';

/** A router whose handlers take the parameter, body and answer types of the contract. */
export type FinopsItamApiRouter = TypedRouter<EndpointMap>;

/**
 * A router for a group of endpoints, typed by the contract. It is mounted on the router of
 * {@link createApiRouter}, which validates every request against the spec first.
 */
export function createTypedRoutes(): FinopsItamApiRouter {
  // The typed router is express-promise-router's with narrower method signatures.
  return Router() as FinopsItamApiRouter;
}

/** An operation's `x-body-limit` (like `20mb`): a larger JSON body than the default 100 kB. */
function largeBodyRoutes(): Array<{
  method: string;
  path: RegExp;
  limit: string;
}> {
  const routes = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const limit = (operation as { 'x-body-limit'?: string })['x-body-limit'];
      if (limit) {
        const path = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        routes.push({ method: method.toUpperCase(), path, limit });
      }
    }
  }
  return routes;
}

/** Parses JSON bodies before the validator reads them, with each operation's own limit. */
function jsonBodies(): express.RequestHandler {
  const standard = express.json();
  const large = largeBodyRoutes().map(route => ({
    ...route,
    parse: express.json({ limit: route.limit }),
  }));
  return (req, res, next) => {
    const route = large.find(
      r => r.method === req.method && r.path.test(req.path),
    );
    (route?.parse ?? standard)(req, res, next);
  };
}

/**
 * The plugin's router: every request is checked against `openapi.yaml` (path and query
 * parameters, JSON bodies) before a handler sees it, and a 400 names each parameter and
 * the reason. Unknown query parameters are ignored, as they always were; uploads are read
 * by their route (after its permission check), not by the validator.
 */
export async function createApiRouter(): Promise<express.Router> {
  const router = await createOpenApiRouter({
    middleware: [jsonBodies()],
    validatorOptions: {
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
      // Full checks, so that 2026-11-31 is not a date.
      validateFormats: 'full',
      fileUploader: false,
    },
  });
  router.use(rewordRequestErrors);
  router.use(answerValidationProblems());
  return router;
}
