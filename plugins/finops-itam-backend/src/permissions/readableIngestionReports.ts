import { NotAllowedError } from '@backstage/errors';
import { Request } from 'express';
import { requireCostOfEveryEntity } from './requireCostOfEveryEntity';
import { RequirePermission } from './requirePermission';

/**
 * Ingestion reports as the caller may read them. Their totals are the delivery's money per
 * billing account, period and currency: under an owner rule (a team reads only its own
 * entities' cost) they would show other teams' spend, since a billing account is often one
 * team's. So the totals go only to callers with `finops-itam.cost.read` on every entity;
 * anyone else with `finops-itam.read` still sees status, row counts, rejections and
 * warnings, with `totalsHidden: true` saying why the totals are empty.
 */
export async function readableIngestionReports<
  T extends { totals?: unknown[] },
>(
  requirePermission: RequirePermission,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  req: Request<any, any, any, any>,
  reports: T[],
): Promise<T[]> {
  if (reports.length === 0) return reports;
  const allowed = await requireCostOfEveryEntity(
    requirePermission,
    req,
    'ingestion totals',
  ).then(
    () => true,
    error => {
      if (error instanceof NotAllowedError) return false;
      throw error;
    },
  );
  return allowed
    ? reports
    : reports.map(report => ({ ...report, totals: [], totalsHidden: true }));
}
