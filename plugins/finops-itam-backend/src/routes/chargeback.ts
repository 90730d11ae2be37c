import { finopsItamReadPermission } from '@finops-itam/plugin-finops-itam-common';
import { z } from 'zod';
import {
  ChargebackReport,
  chargebackCsv,
} from '../allocation/ChargebackReport';
import { parseQuery } from '../allocation/costPeriod';
import { RequirePermission, requireCostOfEveryEntity } from '../permissions';
import { createTypedRoutes } from '../schema';

const chargebackQuery = z.object({
  month: z
    .string({ required_error: 'is required, like 2026-11' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11'),
  format: z.enum(['json', 'csv']).default('json'),
});

export interface ChargebackRoutesOptions {
  chargebackReport: Pick<ChargebackReport, 'chargeback'>;
  requirePermission: RequirePermission;
}

/** `GET /chargeback?month=YYYY-MM&format=json|csv`: allocated cost per cost center. */
export function createChargebackRoutes(options: ChargebackRoutesOptions) {
  const { chargebackReport, requirePermission } = options;
  const router = createTypedRoutes();

  router.get('/chargeback', async (req, res) => {
    await requirePermission(req, finopsItamReadPermission);
    await requireCostOfEveryEntity(requirePermission, req, 'chargeback');
    const { month, format } = parseQuery(chargebackQuery, req.query);
    const report = await chargebackReport.chargeback(month);
    if (format === 'json') {
      res.json(report);
      return;
    }
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set(
        'Content-Disposition',
        `attachment; filename="chargeback-${month}.csv"`,
      )
      .send(chargebackCsv(report));
  });

  return router;
}
