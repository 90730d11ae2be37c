import { AuditorService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  EntitlementUpsertResponse,
  LicenseEntitlementsResponse,
  LicenseProductsResponse,
  UnknownLicenseProductsResponse,
  finopsItamLicenseManagePermission,
  finopsItamReadPermission,
} from '@finops-itam/plugin-finops-itam-common';
import { Request, Response } from 'express';
import {
  EntitlementRejectedError,
  LicenseService,
} from '../licenses/LicenseService';
import { PRODUCT_ID } from '../licenses/productSchema';
import { RequirePermission, requireEntityCostRead } from '../permissions';
import { auditedWrite, RefusalBody } from './auditedWrite';
import { createTypedRoutes } from '../schema';

export interface LicenseRoutesOptions {
  licenses: LicenseService;
  requirePermission: RequirePermission;
  auditor: AuditorService;
  /** Called after entitlements, products or seats changed: license cost is recomputed. */
  onLicensesChanged?: () => void;
}

/** Bad entitlements answer 400 with every rejection. */
const entitlementRefusal: RefusalBody = error =>
  error instanceof EntitlementRejectedError
    ? {
        error: { name: 'InputError', message: error.message },
        rejections: error.rejections,
      }
    : undefined;

/** Runs a license write inside an audit event; bad entitlements answer 400. */
function audited<T>(
  auditor: AuditorService,
  req: Request,
  res: Response,
  eventId: string,
  meta: Record<string, string>,
  write: () => Promise<T>,
): Promise<T | undefined> {
  return auditedWrite(
    { auditor, req, res, eventId, meta, refusal: entitlementRefusal },
    write,
  );
}

/**
 * The license API: products, entitlements, seat imports, the position, reharvest
 * candidates, compliance risks, the catalog feed and an entity's license use. Reads need
 * `finops-itam.read`; writes need `finops-itam.license.manage` and are audited.
 */
export function createLicenseRoutes(options: LicenseRoutesOptions) {
  const { licenses, requirePermission, auditor } = options;
  const changed = () => options.onLicensesChanged?.();
  const router = createTypedRoutes();

  router.get('/licenses/products', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const body: LicenseProductsResponse = {
      products: await licenses.listProducts(),
    };
    res.json(body);
  });

  router.put('/licenses/products', async (req, res) => {
    await requirePermission(req, finopsItamLicenseManagePermission);
    const stored = await audited(
      auditor,
      req,
      res,
      'license-product-upsert',
      {},
      () => licenses.upsertProducts(req.body),
    );
    changed();
    res.json({ upserted: (stored as unknown[]).length });
  });

  router.get('/licenses/entitlements', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const body: LicenseEntitlementsResponse = {
      entitlements: await licenses.listEntitlements(),
    };
    res.json(body);
  });

  router.put('/licenses/entitlements', async (req, res) => {
    await requirePermission(req, finopsItamLicenseManagePermission);
    const list = Array.isArray(req.body) ? req.body : req.body?.entitlements;
    if (!Array.isArray(list) || list.length === 0) {
      throw new InputError(
        'Send a non-empty JSON array of entitlements, or { "entitlements": [...] }',
      );
    }
    const result = await audited(
      auditor,
      req,
      res,
      'license-entitlement-upsert',
      {},
      () =>
        licenses.applyEntitlements(
          [
            {
              records: list.map((value: unknown, position: number) => ({
                position,
                value,
              })),
              positionName: 'record',
            },
          ],
          'api',
        ),
    );
    if (!result) return;
    changed();
    const body: EntitlementUpsertResponse = {
      upserted: result.upserted,
    };
    res.json(body);
  });

  router.put('/licenses/seats/:productId', async (req, res) => {
    await requirePermission(req, finopsItamLicenseManagePermission);
    const { productId } = req.params;
    if (!PRODUCT_ID.test(productId)) {
      throw new InputError(
        `Product id "${productId}" is not lowercase kebab-case`,
      );
    }
    const count = await audited(
      auditor,
      req,
      res,
      'license-seat-import',
      { productId },
      () => licenses.replaceSeats(productId, req.body),
    );
    // Undefined only when audited already answered the rejection, as for entitlements.
    if (count === undefined) return;
    changed();
    res.json({ productId, seats: count });
  });

  router.get('/licenses/position', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    res.json(await licenses.position());
  });

  router.get('/licenses/reharvest', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    res.json(await licenses.reharvest());
  });

  router.get('/licenses/compliance', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    res.json(await licenses.compliance());
  });

  router.get('/licenses/catalog', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    res.json(await licenses.catalogFeed());
  });

  router.get('/licenses/unknown-products', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const body: UnknownLicenseProductsResponse = {
      items: await licenses.unknownProducts(),
    };
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name/licenses', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    const { kind, namespace, name } = req.params;
    const answer = await licenses.entityLicenses({ kind, namespace, name });
    // The license use is for every reader; its cost share is the entity's cost, so it is
    // left out for a caller the policy does not let read that (an owner rule). A System's
    // or Domain's share sums the members of the license snapshot's catalog, which may be
    // newer than the allocation run's closure: it needs cost on every entity.
    const readsCost = await requireEntityCostRead(requirePermission, req, {
      rollups: 'everyEntity',
    }).then(
      () => true,
      error => {
        if (error instanceof NotAllowedError) return false;
        throw error;
      },
    );
    res.json(
      readsCost
        ? answer
        : {
            ...answer,
            products: answer.products.map(p => ({
              ...p,
              monthlyCost: null,
              monthlyCosts: [],
            })),
          },
    );
  });

  return router;
}
