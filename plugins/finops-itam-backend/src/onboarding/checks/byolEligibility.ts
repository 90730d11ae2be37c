import {
  ByolRuleName,
  LicenseProduct,
  OnboardingCheck,
} from '@finops-itam/plugin-finops-itam-common';
import { checkByolRights } from '../../licenses/byolRules';
import { isActiveOn } from '../../licenses/licensePosition';
import { failed, passed } from './checkResult';
import { deploymentsByProduct, describeDeployment } from './plannedCounts';
import { CheckContext, OnboardingPlan } from './types';

const ID = 'byol-eligibility';

/** What would make a placement allowed, per broken right. */
function fixFor(rule: ByolRuleName, product: LicenseProduct): string {
  const name = product.name;
  switch (rule) {
    case 'allowed-providers':
      return `use license-included for ${name}, or a provider its BYOL rights allow`;
    case 'allowed-tenancy':
      return `use license-included for ${name}, or dedicated hosts`;
    case 'license-mobility':
      return `add Software Assurance (License Mobility) to an entitlement of ${name}, use license-included, or dedicated hosts`;
    case 'dedicated-host-cutoff': {
      const before = product.byol?.dedicatedHostCutoff?.acquiredBefore;
      return `bring licenses of ${name} acquired before ${
        before ?? 'the cutoff'
      } (record acquiredOn on the entitlement), or use license-included`;
    }
    case 'software-assurance':
      return `add Software Assurance to an entitlement of ${name}, or use subscription licenses (Azure Hybrid Benefit), or license-included`;
    default:
      return `use license-included for ${name}`;
  }
}

/**
 * `byol-eligibility`: each BYOL product's rights on each deployment's provider and tenancy,
 * with the entitlements in force on the go-live day (License Mobility, Software Assurance,
 * acquisition date and Azure Hybrid Benefit are rules of `byolRules.ts`, read from the
 * product's and entitlements' data).
 */
export function checkByolEligibility(
  plan: OnboardingPlan,
  context: CheckContext,
): OnboardingCheck {
  const byol = deploymentsByProduct(plan, 'byol');
  if (byol.size === 0) {
    return passed(ID, 'Nothing brought: no product is planned as BYOL.', []);
  }
  const day = plan.goLive > context.today ? plan.goLive : context.today;
  const details: string[] = [];
  const broken: string[] = [];
  const fixes: string[] = [];
  for (const [productId, deployments] of byol) {
    const product = context.products.get(productId);
    if (!product) continue;
    const active = context.entitlements.filter(
      e => e.productId === productId && isActiveOn(e, day),
    );
    for (const { deployment, index } of deployments) {
      const where = describeDeployment(deployment, index);
      const violation = checkByolRights(product, active, {
        provider: deployment.provider,
        tenancy: deployment.tenancy,
      });
      if (!violation) {
        details.push(
          `${product.name}, ${where}: allowed with ${
            active.length > 0
              ? `entitlement ${active.map(e => e.id).join(', ')}`
              : 'the product’s rights (no entitlement in force)'
          } on ${day}`,
        );
        continue;
      }
      details.push(
        `${product.name}, ${where}: ${violation.rule} — ${violation.message}`,
      );
      broken.push(`${violation.message} (${violation.rule})`);
      const fix = fixFor(violation.rule, product);
      if (!fixes.includes(fix)) fixes.push(fix);
    }
  }
  if (broken.length > 0) {
    return failed(
      ID,
      `${[...new Set(broken)].join('. ')}.`,
      `${fixes.map(f => f[0].toUpperCase() + f.slice(1)).join('. ')}.`,
      details,
    );
  }
  return passed(
    ID,
    'Every BYOL product may be brought to the planned providers and tenancies.',
    details,
  );
}
