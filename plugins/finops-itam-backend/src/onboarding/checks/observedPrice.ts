import { instanceTypeKey } from '../../licenses/instanceTypes';
import { sameProvider } from '../prices/providerNames';
import { ObservedUnitPrice, PlannedDeployment } from './types';

const same = (a: string | null, b: string | null) =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** The observed price of a deployment's instance type and how it was chosen. */
export interface ChosenPrice {
  price: ObservedUnitPrice;
  /** Where it came from, e.g. `effective cost … in eu-west-1` or the other region it was taken from. */
  note: string;
}

/**
 * The price the organisation already pays per hour for the deployment's instance type from
 * the same provider: the same region's when seen there, else another region's (the lowest
 * region name, so the choice is stable), said so. Null for a deployment sized by vCPUs only
 * or a type not seen in cost data.
 */
export function observedPriceFor(
  deployment: PlannedDeployment,
  prices: ObservedUnitPrice[],
): ChosenPrice | null {
  if (!deployment.instanceType) return null;
  const key = instanceTypeKey(deployment.instanceType);
  const candidates = prices
    .filter(
      p =>
        sameProvider(p.provider, deployment.provider) &&
        instanceTypeKey(p.instanceType) === key,
    )
    .sort(
      (a, b) =>
        (a.region ?? '').localeCompare(b.region ?? '') ||
        a.currency.localeCompare(b.currency),
    );
  const local = candidates.find(p => same(p.region, deployment.region));
  if (local) return { price: local, note: `${local.basis}` };
  const other = candidates[0];
  if (!other) return null;
  return {
    price: other,
    note: `${other.basis}; price of ${
      other.region ?? 'no region'
    } (none seen in ${deployment.region})`,
  };
}
