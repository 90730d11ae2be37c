import { Money, MoneyValue } from '../../money';
import { sameProvider } from '../prices/providerNames';
import { HOURS_PER_MONTH } from './hoursPerMonth';
import { PlannedDeployment } from './types';

/**
 * What a provider charges on top of the instance price when it supplies a product's
 * license (license-included), per vCPU and hour, with its source. Vendor prices are data:
 * they come from product data or configuration, never from code.
 */
export interface LicenseIncludedPrice {
  productId: string;
  provider: string;
  /** Null when the price holds in every region of the provider. */
  region: string | null;
  /** Per vCPU and hour, exact decimal string. */
  perVcpuHour: string;
  currency: string;
  /** Where the figure comes from, e.g. a price page and the day it was read. */
  basis: string;
}

/** A deployment's license-included premium for one product, a month. */
export interface MonthlyPremium {
  monthly: MoneyValue;
  currency: string;
  basis: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The month's premium of running `productId` license-included on the deployment: per vCPU
 * hour × vCPUs × instances × 730 h, the region's price before a provider-wide one. Null
 * when no price is known.
 */
export function licenseIncludedPremium(
  productId: string,
  deployment: PlannedDeployment,
  prices: LicenseIncludedPrice[] = [],
): MonthlyPremium | null {
  const ofProduct = prices.filter(
    p =>
      p.productId === productId &&
      sameProvider(p.provider, deployment.provider),
  );
  const price =
    ofProduct.find(
      p => p.region !== null && same(p.region, deployment.region),
    ) ?? ofProduct.find(p => p.region === null);
  if (!price) return null;
  const vcpuHours = deployment.vcpus * deployment.count * HOURS_PER_MONTH;
  return {
    monthly: new Money(price.perVcpuHour).times(vcpuHours),
    currency: price.currency,
    basis: `${price.perVcpuHour} ${price.currency} per vCPU-hour × ${deployment.vcpus} vCPUs × ${deployment.count} × ${HOURS_PER_MONTH} h (${price.basis})`,
  };
}
