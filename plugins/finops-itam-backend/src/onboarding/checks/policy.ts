import { OnboardingCheck } from '@finops-itam/plugin-finops-itam-common';
import { failed, listInWords, passed, warned } from './checkResult';
import { describeDeployment } from './plannedCounts';
import { CheckContext, OnboardingPlan } from './types';

const ID = 'policy';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isIn = (value: string, list: string[]) => list.some(v => same(v, value));

const COMMITMENT_NOTE =
  'marketplace purchases count toward the provider commitment (they draw down the committed spend)';

/**
 * `policy`: `finopsItam.policies` applied to the request: allowed providers and regions,
 * the tags every workload must declare, blocked products, and how purchases through a
 * provider marketplace are treated.
 */
export function checkPolicy(
  plan: OnboardingPlan,
  context: CheckContext,
): OnboardingCheck {
  const { policies } = context;
  const details: string[] = [];
  const failures: string[] = [];
  const fixes: string[] = [];

  plan.deployments.forEach((d, index) => {
    const where = describeDeployment(d, index);
    if (
      policies.allowedProviders &&
      !isIn(d.provider, policies.allowedProviders)
    ) {
      failures.push(`provider ${d.provider} is not allowed`);
      fixes.push(
        `deploy to ${listInWords(policies.allowedProviders)} instead of ${
          d.provider
        }`,
      );
      details.push(
        `${where}: provider not in allowed providers ${policies.allowedProviders.join(
          ', ',
        )}`,
      );
    } else if (
      policies.allowedRegions &&
      !isIn(d.region, policies.allowedRegions)
    ) {
      failures.push(`region ${d.region} is not allowed`);
      fixes.push(
        `choose one of the allowed regions (${policies.allowedRegions.join(
          ', ',
        )}) instead of ${d.region}`,
      );
      details.push(
        `${where}: region not in allowed regions ${policies.allowedRegions.join(
          ', ',
        )}`,
      );
    } else {
      details.push(`${where}: provider and region allowed`);
    }
  });

  const tags = plan.tags ?? {};
  const missingTags = policies.requiredTags.filter(
    tag => (tags[tag] ?? '').trim() === '',
  );
  if (missingTags.length > 0) {
    failures.push(
      `required tag${missingTags.length === 1 ? '' : 's'} ${listInWords(
        missingTags,
      )} not declared`,
    );
    fixes.push(`declare the tags ${listInWords(missingTags)} for the workload`);
  }
  if (policies.requiredTags.length > 0) {
    details.push(
      `required tags: ${policies.requiredTags
        .map(tag =>
          missingTags.includes(tag) ? `${tag} missing` : `${tag}=${tags[tag]}`,
        )
        .join(', ')}`,
    );
  }

  const planned = [
    ...plan.deployments.flatMap(d => d.products.map(p => p.productId)),
    ...(plan.saas ?? []).map(s => s.productId),
  ];
  const blocked = [
    ...new Set(planned.filter(id => isIn(id, policies.blockedProducts))),
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
    if (policies.marketplace === 'forbidden') {
      failures.push('purchases through a marketplace are forbidden');
      fixes.push('buy through the enterprise agreement or a reseller');
    } else if (policies.marketplace === 'needs-approval') {
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
