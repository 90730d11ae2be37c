import { Money, MoneyValue } from '../../money';
import { LicenseIncludedPrice } from '../checks/licenseIncludedPremium';
import { HourlyPriceGroup } from './HourlyPriceGroup';
import { canonicalProvider } from './providerNames';

/** Decimal places of a price per vCPU-hour; the division rarely ends. */
const PRICE_PLACES = 10;

/** License-included rows of one product on one instance type, region and currency. */
export interface LicenseIncludedGroup {
  productId: string;
  provider: string;
  instanceType: string;
  vcpus: number;
  region: string | null;
  currency: string;
  rows: HourlyPriceGroup;
}

/** Plain rows (no license included) of an instance type, by provider, type, region and currency. */
export type PlainPriceLookup = (
  provider: string,
  instanceType: string,
  region: string | null,
  currency: string,
) => HourlyPriceGroup | undefined;

interface Premium {
  productId: string;
  provider: string;
  region: string | null;
  currency: string;
  cost: MoneyValue;
  vcpuHours: MoneyValue;
  types: string[];
  firstDay: string;
  lastDay: string;
}

/**
 * What the organisation pays a provider for a product's license per vCPU-hour: over its
 * license-included rows, the cost above the same instance type's plain price (rows without
 * a license, same region and currency) divided by the vCPU-hours, summed over the instance
 * types per product, provider, region and currency. A type without plain rows says
 * nothing about the premium and is left out; so is a premium that is not above 0.
 */
export function licenseIncludedPremiums(
  groups: LicenseIncludedGroup[],
  plainOf: PlainPriceLookup,
): LicenseIncludedPrice[] {
  const premiums = new Map<string, Premium>();
  for (const g of groups) {
    const plain = plainOf(g.provider, g.instanceType, g.region, g.currency);
    const plainPerHour = plain?.perHour();
    const included = g.rows.perHour();
    if (!plainPerHour || !included) continue;
    const hours = new Money(g.rows.hours.toString());
    const key = JSON.stringify([
      g.productId,
      canonicalProvider(g.provider),
      g.region,
      g.currency,
    ]);
    const premium = premiums.get(key) ?? {
      productId: g.productId,
      provider: g.provider,
      region: g.region,
      currency: g.currency,
      cost: new Money(0),
      vcpuHours: new Money(0),
      types: [],
      firstDay: g.rows.firstDay,
      lastDay: g.rows.lastDay,
    };
    premium.cost = premium.cost.plus(
      new Money(g.rows.cost.toString()).minus(plainPerHour.times(hours)),
    );
    premium.vcpuHours = premium.vcpuHours.plus(hours.times(g.vcpus));
    premium.types.push(
      `${g.instanceType} (${g.vcpus} vCPUs, plain ${plainPerHour
        .toDecimalPlaces(PRICE_PLACES)
        .toFixed()} an hour)`,
    );
    if (g.rows.firstDay < premium.firstDay) premium.firstDay = g.rows.firstDay;
    if (g.rows.lastDay > premium.lastDay) premium.lastDay = g.rows.lastDay;
    premiums.set(key, premium);
  }
  return [...premiums.values()].flatMap(p => {
    const perVcpuHour = p.cost.div(p.vcpuHours);
    if (!perVcpuHour.gt(0)) return [];
    return [
      {
        productId: p.productId,
        provider: p.provider,
        region: p.region,
        perVcpuHour: perVcpuHour.toDecimalPlaces(PRICE_PLACES).toFixed(),
        currency: p.currency,
        basis: `license-included rows less the plain price of the same type, ${
          p.firstDay
        }..${p.lastDay}: ${p.cost.toDecimalPlaces(PRICE_PLACES).toFixed()} ${
          p.currency
        } over ${p.vcpuHours.toFixed()} vCPU-hours of ${p.types.join(', ')}`,
      },
    ];
  });
}
