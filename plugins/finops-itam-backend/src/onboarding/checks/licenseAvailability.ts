import {
  LicensePositionEntry,
  OnboardingCheck,
} from '@finops-itam/plugin-finops-itam-common';
import { licenseUnits } from '../../licenses/countingRules';
import { annualCostOf } from '../../licenses/listPriceBasis';
import { Money } from '../../money';
import { failed, listInWords, passed, warned } from './checkResult';
import { CountWarning, PlannedRequirement } from './plannedCounts';
import { CheckContext } from './types';

const ID = 'license-availability';

/**
 * What is free for this request: the position already deducts every approved request's
 * reservation (`reserved`), this request's own included when it is approved, so they are
 * added back and only the other requests' are taken off.
 */
export function freeQuantity(
  entry: LicensePositionEntry,
  reservedByOthers: number,
): number {
  return entry.position + (entry.reserved ?? 0) - reservedByOthers;
}

/** Whether anything tells how many licenses of the product the organisation has. */
function hasEntitlementData(
  productId: string,
  entry: LicensePositionEntry | undefined,
  context: CheckContext,
): boolean {
  return (
    context.entitlements.some(e => e.productId === productId) ||
    (entry?.coveredBy?.length ?? 0) > 0
  );
}

interface Shortage {
  name: string;
  text: string;
}

/**
 * `license-availability`: the planned requirement of each BYOL product (after its counting
 * rule) and each SaaS product's seats, against the free quantity in the license position.
 */
export function checkLicenseAvailability(
  requirements: PlannedRequirement[],
  context: CheckContext,
): OnboardingCheck {
  if (requirements.length === 0) {
    return passed(
      ID,
      'Nothing needs an entitlement: every product is license-included.',
      [],
    );
  }
  const details: string[] = [];
  const shortages: Shortage[] = [];
  const noData: string[] = [];
  const sizeWarnings: CountWarning[] = [];
  for (const req of requirements) {
    const { product, metric, quantity } = req;
    const entry = context.position.find(p => p.productId === product.id);
    details.push(
      ...req.lines.map(line => `${product.name}: ${line}`),
      ...req.warnings.map(w => `${product.name}: ${w.message}`),
    );
    sizeWarnings.push(...req.warnings);
    const needs = licenseUnits(metric, quantity);
    if (!entry || !hasEntitlementData(product.id, entry, context)) {
      noData.push(product.name);
      details.push(
        `${product.name}: needs ${needs}; no entitlement is recorded, so nothing is known to be free`,
      );
      continue;
    }
    const others = context.reservedByOthers.get(product.id) ?? 0;
    const free = freeQuantity(entry, others);
    details.push(
      `${product.name}: needs ${needs}; free ${free} = position ${
        entry.position
      } + reserved ${
        entry.reserved ?? 0
      } − ${others} reserved by other requests`,
    );
    if (quantity <= free) continue;
    const short = quantity - Math.max(free, 0);
    const exposure = annualCostOf(product.listPrice, short);
    const exposureText = exposure
      ? `; true-up exposure ${new Money(exposure.amount).toFixed(2)} ${
          exposure.currency
        } a year at list price`
      : '; no list price, so the true-up exposure is unknown';
    details.push(
      `${product.name}: short by ${licenseUnits(metric, short)}${exposureText}${
        entry.trueUpDate ? ` (true-up on ${entry.trueUpDate})` : ''
      }`,
    );
    shortages.push({
      name: product.name,
      text: `${product.name} is short by ${licenseUnits(
        metric,
        short,
      )}${exposureText}`,
    });
  }
  if (shortages.length > 0) {
    return failed(
      ID,
      `${shortages.map(s => s.text).join('. ')}.`,
      `Buy the missing licenses of ${listInWords(
        shortages.map(s => s.name),
      )}, reharvest unused ones, or plan license-included instead.`,
      details,
    );
  }
  if (noData.length > 0) {
    return warned(
      ID,
      `No entitlement data for ${listInWords(
        noData,
      )}: whether enough licenses are free is unknown.`,
      `Record the entitlements of ${listInWords(
        noData,
      )} (license file, API or entitlement source), or plan license-included instead.`,
      details,
    );
  }
  if (sizeWarnings.length > 0) {
    return warned(
      ID,
      `Enough licenses are free, but ${sizeWarnings
        .map(w => w.message)
        .join('; ')}.`,
      [...new Set(sizeWarnings.map(w => w.fix))].join(' '),
      details,
    );
  }
  return passed(
    ID,
    `Enough licenses are free for ${listInWords(
      requirements.map(r => r.product.name),
    )}.`,
    details,
  );
}
