import { OnboardingCheck } from '@finops-itam/plugin-finops-itam-common';
import { ProviderNames } from '../../governance/policies/ProviderNames';
import {
  PolicyRules,
  isProductBlocked,
  isProviderAllowed,
  isRegionAllowed,
  marketplaceVerdict,
  missingRequiredTags,
  requiredTagsFor,
  tagValue,
  uniqueTagKeys,
} from '../../governance/policies/policyRules';
import { KnownRegions } from '../KnownRegions';
import { failed, listInWords, passed, warned } from './checkResult';
import { describeDeployment } from './plannedCounts';
import { CheckContext, OnboardingPlan } from './types';

const ID = 'policy';

/**
 * Validated requests name providers canonically and configured providers have no aliases,
 * so the shipped provider list compares them as the compliance report does.
 */
const NAMES = new ProviderNames(new KnownRegions());

const COMMITMENT_NOTE =
  'marketplace purchases count toward the provider commitment (they draw down the committed spend)';

/**
 * `policy`: `finopsItam.policies` applied to the request with the rules the compliance
 * report applies to running cost: allowed providers and regions, the tags every workload
 * must declare (and those its providers require), blocked products, and how purchases
 * through a provider marketplace are treated.
 */
export function checkPolicy(
  plan: OnboardingPlan,
  context: CheckContext,
): OnboardingCheck {
  // Read through the shared rules: at run time these are the whole `finopsItam.policies`.
  const policies: PolicyRules = context.policies;
  const details: string[] = [];
  const failures: string[] = [];
  const fixes: string[] = [];

  plan.deployments.forEach((d, index) => {
    const where = describeDeployment(d, index);
    if (!isProviderAllowed(policies, d.provider, NAMES)) {
      failures.push(`provider ${d.provider} is not allowed`);
      fixes.push(
        `deploy to ${listInWords(policies.allowedProviders!)} instead of ${
          d.provider
        }`,
      );
      details.push(
        `${where}: provider not in allowed providers ${policies.allowedProviders!.join(
          ', ',
        )}`,
      );
    } else if (!isRegionAllowed(policies, d.region)) {
      failures.push(`region ${d.region} is not allowed`);
      fixes.push(
        `choose one of the allowed regions (${policies.allowedRegions!.join(
          ', ',
        )}) instead of ${d.region}`,
      );
      details.push(
        `${where}: region not in allowed regions ${policies.allowedRegions!.join(
          ', ',
        )}`,
      );
    } else {
      details.push(`${where}: provider and region allowed`);
    }
  });

  const tags = plan.tags ?? {};
  const required = uniqueTagKeys([
    ...policies.requiredTags,
    ...plan.deployments.flatMap(d =>
      requiredTagsFor(policies, d.provider, NAMES),
    ),
  ]);
  const missingTags = missingRequiredTags(tags, required);
  if (missingTags.length > 0) {
    failures.push(
      `required tag${missingTags.length === 1 ? '' : 's'} ${listInWords(
        missingTags,
      )} not declared`,
    );
    fixes.push(`declare the tags ${listInWords(missingTags)} for the workload`);
  }
  if (required.length > 0) {
    details.push(
      `required tags: ${required
        .map(tag =>
          missingTags.includes(tag)
            ? `${tag} missing`
            : `${tag}=${tagValue(tags, tag)}`,
        )
        .join(', ')}`,
    );
  }

  const planned = [
    ...plan.deployments.flatMap(d => d.products.map(p => p.productId)),
    ...(plan.saas ?? []).map(s => s.productId),
  ];
  const blocked = [
    ...new Set(planned.filter(id => isProductBlocked(policies, id))),
  ];
  const nameOf = (id: string) => context.products.get(id)?.name ?? id;
  if (blocked.length > 0) {
    failures.push(`${listInWords(blocked.map(nameOf))} blocked`);
    fixes.push(`remove ${listInWords(blocked.map(nameOf))} from the plan`);
    details.push(`blocked products planned: ${blocked.join(', ')}`);
  }

  let marketplaceWarning: string | null = null;
  if (plan.procurement === 'marketplace') {
    details.push(`marketplace purchases: ${policies.marketplace}`);
    // A request names no seller, so an approved-seller list cannot waive the approval.
    const verdict = marketplaceVerdict(policies, null, NAMES);
    if (verdict === 'forbidden') {
      failures.push('purchases through a marketplace are forbidden');
      fixes.push('buy through the enterprise agreement or a reseller');
    } else if (verdict === 'needs-approval') {
      marketplaceWarning = `Purchases through a marketplace need approval; ${COMMITMENT_NOTE}.`;
    }
  } else {
    details.push(`procurement: ${plan.procurement}`);
  }

  if (failures.length > 0) {
    const message = `Against policy: ${failures.join('; ')}.`;
    return failed(
      ID,
      message[0].toUpperCase() + message.slice(1),
      `${fixes.map(f => f[0].toUpperCase() + f.slice(1)).join('. ')}.`,
      details,
    );
  }
  if (marketplaceWarning) {
    return warned(
      ID,
      marketplaceWarning,
      'Get the marketplace purchase approved by procurement (the reviewer records it), or buy through the enterprise agreement.',
      details,
    );
  }
  const marketplaceNote =
    plan.procurement === 'marketplace'
      ? ` Purchases through the marketplace are allowed; ${COMMITMENT_NOTE}.`
      : '';
  return passed(
    ID,
    `Providers, regions, tags and products are within policy.${marketplaceNote}`,
    details,
  );
}
