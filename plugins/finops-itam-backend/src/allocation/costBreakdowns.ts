import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { ExactSum } from '../money';

/** Most resources `byResource` lists; the rest are in the totals and the other breakdowns. */
export const MAX_RESOURCES = 100;

/** One grouped row of an entity's directly allocated facts in a period, one currency. */
export interface CostDetailRow {
  serviceName: string | null;
  serviceCategory: string | null;
  chargeCategory: string | null;
  resourceId: string | null;
  resourceName: string | null;
  amount: string;
}

type Breakdowns = Pick<
  EntityCostResponse,
  'byService' | 'byChargeCategory' | 'byResource'
>;

const SEP = '\u0000';
const part = (value: string | null) => value ?? '\u0001';

/**
 * The three breakdowns of `GET .../cost`, costliest first, ties by key so the order is
 * stable: by service (name and category), by charge category, and by resource (at most
 * `MAX_RESOURCES`). Facts without a resource id or name (taxes, support fees) form one
 * resource line with both null, so the resource lines still add up to the direct cost
 * when nothing is cut off.
 */
export function costBreakdowns(
  rows: readonly CostDetailRow[],
): Required<Breakdowns> {
  const services = new Map<
    string,
    {
      serviceName: string | null;
      serviceCategory: string | null;
      sum: ExactSum;
    }
  >();
  const categories = new Map<string, ExactSum>();
  const resources = new Map<
    string,
    {
      resourceId: string | null;
      resourceName: string | null;
      services: Map<string, ExactSum>;
      sum: ExactSum;
    }
  >();
  for (const row of rows) {
    const serviceKey = part(row.serviceName) + SEP + part(row.serviceCategory);
    const service = services.get(serviceKey) ?? {
      serviceName: row.serviceName,
      serviceCategory: row.serviceCategory,
      sum: new ExactSum(),
    };
    service.sum.add(row.amount);
    services.set(serviceKey, service);

    const category = row.chargeCategory ?? '';
    categories.set(
      category,
      (categories.get(category) ?? new ExactSum()).add(row.amount),
    );

    const resourceKey = part(row.resourceId) + SEP + part(row.resourceName);
    const resource = resources.get(resourceKey) ?? {
      resourceId: row.resourceId,
      resourceName: row.resourceName,
      services: new Map<string, ExactSum>(),
      sum: new ExactSum(),
    };
    resource.sum.add(row.amount);
    const serviceName = row.serviceName ?? '';
    resource.services.set(
      serviceName,
      (resource.services.get(serviceName) ?? new ExactSum()).add(row.amount),
    );
    resources.set(resourceKey, resource);
  }
  const costliest = <T extends { sum: ExactSum }>(
    entries: Array<[string, T]>,
  ) => entries.sort(([a, x], [b, y]) => y.sum.compare(x.sum) || byKey(a, b));

  return {
    byService: costliest([...services.entries()]).map(([, s]) => ({
      serviceName: s.serviceName,
      serviceCategory: s.serviceCategory,
      total: s.sum.toString(),
    })),
    byChargeCategory: costliest(
      [...categories.entries()].map(
        ([k, sum]) => [k, { sum }] as [string, { sum: ExactSum }],
      ),
    ).map(([chargeCategory, { sum }]) => ({
      chargeCategory,
      total: sum.toString(),
    })),
    byResource: costliest([...resources.entries()])
      .slice(0, MAX_RESOURCES)
      .map(([, r]) => ({
        resourceId: r.resourceId,
        resourceName: r.resourceName,
        serviceName: mainService(r.services),
        total: r.sum.toString(),
      })),
  };
}

function byKey(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A resource's service: the one with most of its cost (a resource normally has one). */
function mainService(services: Map<string, ExactSum>): string | null {
  let best: [string, ExactSum] | undefined;
  for (const entry of services) {
    if (
      !best ||
      entry[1].compare(best[1]) > 0 ||
      (entry[1].compare(best[1]) === 0 && entry[0] < best[0])
    ) {
      best = entry;
    }
  }
  return best && best[0] !== '' ? best[0] : null;
}
