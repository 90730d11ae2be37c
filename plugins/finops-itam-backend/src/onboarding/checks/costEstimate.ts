import {
  LicenseMoney,
  OnboardingCheck,
  OnboardingCostEstimate,
  OnboardingEstimateLine,
} from '@finops-itam/plugin-finops-itam-common';
import { licenseUnits } from '../../licenses/countingRules';
import { Money, MoneyValue, SumMap } from '../../money';
import { listInWords, passed, plural, warned } from './checkResult';
import { entitlementMonthlyUnitCost } from './entitlementUnitCost';
import { HOURS_PER_MONTH } from './hoursPerMonth';
import { licenseIncludedPremium } from './licenseIncludedPremium';
import { CheckExtras, ChecksInput } from './checkExtras';
import { plannedHosts } from './dedicatedHostPlan';
import { observedPriceFor } from './observedPrice';
import { PlannedRequirement, describeDeployment } from './plannedCounts';
import { CheckContext, OnboardingPlan, PlannedDeployment } from './types';

const ID = 'cost-estimate';

/** Above the request's own estimate by more than this share, the estimate warns. */
const OVER_STATED_SHARE = '0.1';

/** Cents: every line is rounded once, and totals add the rounded lines exactly. */
const money = (amount: MoneyValue, currency: string): LicenseMoney => ({
  amount: amount.toDecimalPlaces(2).toFixed(2),
  currency,
});

const unpriced = (
  description: string,
  basis: string,
): OnboardingEstimateLine => ({
  description,
  basis: `no price known: ${basis}`,
  monthly: null,
});

/**
 * Dedicated hosts are billed per host, whatever runs on them: the hosts the VMs fill
 * ({@link plannedHosts}) at the hourly price of that host type in cost data.
 */
function hostLine(
  d: PlannedDeployment,
  index: number,
  context: ChecksInput,
): OnboardingEstimateLine {
  const size = d.instanceType ?? `${d.vcpus}-vCPU instance`;
  const hosts = plannedHosts(d, context.hostTypes);
  if (!hosts) {
    return unpriced(
      `deployment ${index + 1}: dedicated hosts for ${d.count} × ${size} in ${
        d.provider
      } ${d.region}, ${HOURS_PER_MONTH} h`,
      `dedicated hosts are billed per host, and the host type for ${size} is unknown`,
    );
  }
  const count = hosts.vmsPerHost.length;
  const description = `deployment ${index + 1}: ${count} × ${
    hosts.hostType
  } dedicated host${count === 1 ? '' : 's'} for ${d.count} × ${size} in ${
    d.provider
  } ${d.region}, ${HOURS_PER_MONTH} h`;
  const chosen = observedPriceFor(
    { ...d, instanceType: hosts.hostType },
    context.observedPrices,
  );
  if (!chosen) {
    return unpriced(
      description,
      `dedicated hosts are billed per host, and no ${hosts.hostType} host of ${d.provider} is seen in recent cost data`,
    );
  }
  const { price } = chosen;
  return {
    description,
    basis: `${price.perHour} ${price.currency} per host-hour × ${count} × ${HOURS_PER_MONTH} h (${chosen.note})`,
    monthly: money(
      new Money(price.perHour).times(count).times(HOURS_PER_MONTH),
      price.currency,
    ),
  };
}

function instanceLine(
  d: PlannedDeployment,
  index: number,
  context: ChecksInput,
): OnboardingEstimateLine {
  if (d.tenancy === 'dedicated-host') return hostLine(d, index, context);
  const size = d.instanceType ?? `${d.vcpus}-vCPU instance`;
  const description = `deployment ${index + 1}: ${d.count} × ${size} in ${
    d.provider
  } ${d.region}, ${HOURS_PER_MONTH} h`;
  if (!d.instanceType) {
    return unpriced(
      description,
      'sized by vCPUs only, so there is no instance type to look up in cost data',
    );
  }
  const chosen = observedPriceFor(d, context.observedPrices);
  if (!chosen) {
    return unpriced(
      description,
      `${d.instanceType} of ${d.provider} not seen in recent cost data`,
    );
  }
  const { price } = chosen;
  return {
    description,
    basis: `${price.perHour} ${price.currency} per instance-hour × ${d.count} × ${HOURS_PER_MONTH} h (${chosen.note})`,
    monthly: money(
      new Money(price.perHour).times(d.count).times(HOURS_PER_MONTH),
      price.currency,
    ),
  };
}

function entitlementLine(
  req: PlannedRequirement,
  context: CheckContext,
  day: string,
): OnboardingEstimateLine {
  const { product, metric, quantity } = req;
  const how = metric === 'per-user' ? 'seats' : 'BYOL';
  const description = `${product.name} (${how}): ${licenseUnits(
    metric,
    quantity,
  )}`;
  const unit = entitlementMonthlyUnitCost(
    product.id,
    context.entitlements,
    day,
  );
  if (!unit) {
    return unpriced(
      description,
      `no entitlement of ${product.name} with a cost is in force on ${day}`,
    );
  }
  return {
    description,
    basis: `${unit.basis} × ${quantity}`,
    monthly: money(unit.perLicense.times(quantity), unit.currency),
  };
}

/**
 * The month's cost of the plan, line by line with where each price came from: each
 * deployment's instances at the hourly price the organisation already pays for the type,
 * each BYOL product and SaaS product at its entitlements' price per license, each
 * license-included product at its premium. A line without a price stays in the list as
 * "no price known" and out of the totals, which are kept per currency.
 */
export function estimateMonthlyCost(
  plan: OnboardingPlan,
  requirements: PlannedRequirement[],
  context: CheckContext & CheckExtras,
): OnboardingCostEstimate {
  const day = plan.goLive > context.today ? plan.goLive : context.today;
  const lines: OnboardingEstimateLine[] = plan.deployments.map((d, i) =>
    instanceLine(d, i, context),
  );
  lines.push(...requirements.map(req => entitlementLine(req, context, day)));
  plan.deployments.forEach((d, index) => {
    for (const p of d.products) {
      if (p.licenseModel !== 'license-included') continue;
      const name = context.products.get(p.productId)?.name ?? p.productId;
      const description = `${name} license-included, ${describeDeployment(
        d,
        index,
      )}`;
      const premium = licenseIncludedPremium(
        p.productId,
        d,
        context.licenseIncludedPrices,
      );
      lines.push(
        premium
          ? {
              description,
              basis: premium.basis,
              monthly: money(premium.monthly, premium.currency),
            }
          : unpriced(
              description,
              `no license-included price of ${name} on ${d.provider} is recorded`,
            ),
      );
    }
  });
  const sums = new SumMap();
  for (const line of lines) {
    if (line.monthly) sums.add(line.monthly.currency, line.monthly.amount);
  }
  return {
    totals: sums
      .entries()
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, sum]) => ({
        amount: new Money(sum.toString()).toFixed(2),
        currency,
      })),
    lines,
    unpriced: lines.filter(line => line.monthly === null).length,
  };
}

const totalText = (totals: LicenseMoney[]) =>
  totals.length === 0
    ? 'nothing priced'
    : totals.map(t => `${t.amount} ${t.currency}`).join(' + ');

/** How the estimate compares with the request's own; `over` when above it by more than 10 %. */
function compareWithStated(
  estimate: OnboardingCostEstimate,
  stated: LicenseMoney,
): { text: string; over: boolean } {
  const total = estimate.totals.find(t => t.currency === stated.currency);
  if (!total) {
    return {
      text: `The request estimates ${stated.amount} ${stated.currency} a month; nothing here is priced in ${stated.currency}, so they cannot be compared.`,
      over: false,
    };
  }
  const difference = new Money(total.amount).minus(stated.amount);
  const how = difference.isZero()
    ? 'the same'
    : `${difference.abs().toFixed(2)} ${stated.currency} ${
        difference.isPositive() ? 'more' : 'less'
      }`;
  return {
    text: `The request estimates ${stated.amount} ${stated.currency} a month; this is ${how}.`,
    over: difference.gt(new Money(stated.amount).times(OVER_STATED_SHARE)),
  };
}

/** `cost-estimate`: the estimate as a check: a warning for every line without a price. */
export function checkCostEstimate(
  plan: OnboardingPlan,
  estimate: OnboardingCostEstimate,
): OnboardingCheck {
  const details = estimate.lines.map(line =>
    line.monthly
      ? `${line.description}: ${line.monthly.amount} ${line.monthly.currency} a month — ${line.basis}`
      : `${line.description}: ${line.basis}`,
  );
  const stated = plan.estimatedMonthlyCost
    ? compareWithStated(estimate, plan.estimatedMonthlyCost)
    : null;
  if (stated) details.push(stated.text);
  const summary = `Estimated ${totalText(estimate.totals)} a month`;
  const statedText = stated ? ` ${stated.text}` : '';
  if (estimate.unpriced > 0) {
    const missing = estimate.lines.filter(l => l.monthly === null);
    return warned(
      ID,
      `${summary}, without ${plural(
        estimate.unpriced,
        'line',
      )} whose price is unknown (${listInWords(
        missing.map(l => l.description),
      )}).${statedText}`,
      'Give the missing prices: an instance type seen in recent cost data, an entitlement with its cost, or the product’s license-included price.',
      details,
    );
  }
  if (stated?.over) {
    return warned(
      ID,
      `${summary}, more than 10 % above the request’s own estimate.${statedText}`,
      'Update the request’s estimated monthly cost, or resize the plan.',
      details,
    );
  }
  return passed(ID, `${summary}.${statedText}`, details);
}
