import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  BudgetRejectionsErrorBody,
  BudgetsResponse,
  BudgetUpsertResponse,
  EntityBudgetResponse,
  finopsItamBudgetManagePermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request, Response } from 'express';
import { BudgetRejectedError } from '../budgets/BudgetRejectedError';
import { BudgetService } from '../budgets/BudgetService';
import { BudgetScope } from '../budgets';
import {
  RequirePermission,
  requireEntityCostRead,
  requireCostOfEveryEntity,
} from '../permissions';
import { createTypedRoutes } from '../schema';

export interface BudgetRoutesOptions {
  budgets: BudgetService;
  requirePermission: RequirePermission;
  auditor: AuditorService;
}

function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

function rejectionsBody(
  req: Request,
  error: BudgetRejectedError,
): BudgetRejectionsErrorBody {
  return {
    error: { name: 'InputError', message: error.message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: 400 },
    rejections: error.rejections,
  };
}

/**
 * The budgets API: every budget's status (`finops-itam.read`), an entity's budget
 * (`finops-itam.cost.read` on the entity, as its cost is), and writes of API budgets
 * (`finops-itam.budget.manage`, audited). A bad batch answers 400 with every problem.
 */
export function createBudgetRoutes(options: BudgetRoutesOptions) {
  const { budgets, requirePermission, auditor } = options;
  const router = createTypedRoutes();

  router.get('/budgets', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(requirePermission, req, 'the budget list');
    const body: BudgetsResponse = {
      items: (await budgets.list(req.query.day)).map(e => e.entry),
    };
    res.json(body);
  });

  router.put('/budgets', async (req, res) => {
    const credentials = await requirePermission(
      req,
      finopsItamBudgetManagePermission,
    );
    const body = req.body as unknown;
    const records = Array.isArray(body)
      ? body
      : (body as { budgets?: unknown[] } | null)?.budgets;
    const meta = {
      by: actorOf(credentials),
      count: String(Array.isArray(records) ? records.length : 0),
    };
    const event = await auditor.createEvent({
      eventId: 'budgets-upsert',
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const upserted = await budgets.upsert(
        Array.isArray(records) && records.length > 0 ? records : [],
      );
      await event.success({ meta: { ...meta, upserted: String(upserted) } });
      const answer: BudgetUpsertResponse = { upserted };
      res.json(answer);
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      if (error instanceof BudgetRejectedError) {
        (res as Response).status(400).json(rejectionsBody(req, error));
        return;
      }
      throw error;
    }
  });

  router.delete('/budgets/:id', async (req, res) => {
    const credentials = await requirePermission(
      req,
      finopsItamBudgetManagePermission,
    );
    const meta = { by: actorOf(credentials), id: req.params.id };
    const event = await auditor.createEvent({
      eventId: 'budget-delete',
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      await budgets.delete(req.params.id);
      await event.success({ meta });
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      throw error;
    }
    (res as Response).status(204).end();
  });

  router.get('/entities/:kind/:namespace/:name/budget', async (req, res) => {
    const entityRef = await requireEntityCostRead(requirePermission, req);
    const body: EntityBudgetResponse = await budgets.entityBudget(
      entityRef,
      req.query.day,
      req.query.scope as BudgetScope | undefined,
    );
    res.json(body);
  });

  return router;
}
