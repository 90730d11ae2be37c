import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  OnboardingOptions,
  OnboardingProblemsErrorBody,
  OnboardingRequestsResponse,
  finopsItamOnboardingCreatePermission,
  finopsItamOnboardingReviewPermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request, Response } from 'express';
import { OnboardingProblemsError } from '../onboarding/OnboardingProblemsError';
import { OnboardingService } from '../onboarding/OnboardingService';
import { RequirePermission } from '../permissions';
import { auditedWrite } from './auditedWrite';
import { createTypedRoutes } from '../schema';

export interface OnboardingRoutesOptions {
  onboarding: OnboardingService;
  requirePermission: RequirePermission;
  auditor: AuditorService;
}

/** Who acted: a user's entity ref, or a service's subject (a scaffolder action's plugin). */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** The 400 body of the onboarding routes: the usual error body and every problem. */
function problemsBody(
  req: Request,
  error: OnboardingProblemsError,
): OnboardingProblemsErrorBody {
  return {
    error: { name: 'InputError', message: error.message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: 400 },
    problems: error.problems,
  };
}

/** Runs an onboarding write inside an audit event; bad input answers 400 with its problems. */
function audited<T>(
  auditor: AuditorService,
  req: Request,
  res: Response,
  eventId: string,
  meta: Record<string, string>,
  write: () => Promise<T>,
): Promise<T | undefined> {
  return auditedWrite(
    {
      auditor,
      req,
      res,
      eventId,
      meta,
      refusal: (error, request) =>
        error instanceof OnboardingProblemsError
          ? problemsBody(request, error)
          : undefined,
    },
    write,
  );
}

/**
 * The onboarding API: filing and updating requests (`finops-itam.onboarding.create`),
 * reviewers' decisions (`finops-itam.onboarding.review`), and reads of the queue, a
 * request, an entity's requests and the options a form offers (`finops-itam.read`).
 * Every write is audited.
 */
export function createOnboardingRoutes(options: OnboardingRoutesOptions) {
  const { onboarding, requirePermission, auditor } = options;
  const router = createTypedRoutes();

  router.get('/onboarding/requests', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const body: OnboardingRequestsResponse = {
      requests: await onboarding.list({
        status: req.query.status,
        owner: req.query.owner,
      }),
    };
    res.json(body);
  });

  router.post('/onboarding/requests', async (req, res) => {
    const credentials = await requirePermission(
      req,
      finopsItamOnboardingCreatePermission,
    );
    const by = actorOf(credentials);
    const filed = await audited(
      auditor,
      req,
      res,
      'onboarding-request-file',
      { by },
      () => onboarding.file(req.body, by),
    );
    if (!filed) return;
    res.status(201).json(filed);
  });

  router.get('/onboarding/requests/:id', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    res.json(await onboarding.get(req.params.id));
  });

  router.put('/onboarding/requests/:id', async (req, res) => {
    const credentials = await requirePermission(
      req,
      finopsItamOnboardingCreatePermission,
    );
    const by = actorOf(credentials);
    const { id } = req.params;
    const updated = await audited(
      auditor,
      req,
      res,
      'onboarding-request-update',
      { id, by },
      () => onboarding.update(id, req.body, by),
    );
    if (!updated) return;
    res.json(updated);
  });

  router.post('/onboarding/requests/:id/decision', async (req, res) => {
    const credentials = await requirePermission(
      req,
      finopsItamOnboardingReviewPermission,
    );
    const by = actorOf(credentials);
    const { id } = req.params;
    const decided = await audited(
      auditor,
      req,
      res,
      'onboarding-request-decision',
      { id, by, decision: String(req.body?.decision) },
      () => onboarding.decide(id, req.body, by),
    );
    if (!decided) return;
    res.json(decided);
  });

  router.get('/onboarding/options', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const body: OnboardingOptions = await onboarding.options();
    res.json(body);
  });

  router.get(
    '/entities/:kind/:namespace/:name/onboarding',
    async (req, res) => {
      await requirePermission(req, finopsItamReadPermission);
      const body: OnboardingRequestsResponse = {
        requests: await onboarding.entityRequests(req.params),
      };
      res.json(body);
    },
  );

  return router;
}
