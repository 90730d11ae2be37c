import { parseEntityRef } from '@backstage/catalog-model';
import {
  LicenseProduct,
  OnboardingProblem,
  OnboardingRequestInput,
} from '@finops-itam/plugin-finops-itam-common';
import { DateTime } from 'luxon';
import { OnboardingPlan, PlannedDeployment } from './checks/types';
import { KnownRegions } from './KnownRegions';
import {
  ParsedOnboardingRequest,
  onboardingRequestSchema,
  schemaProblems,
} from './requestSchema';

/** What a request is validated against. */
export interface RequestFacts {
  /** `YYYY-MM-DD`, UTC. */
  today: string;
  /** The license product catalog (shipped, configured and stored products). */
  products: Map<string, LicenseProduct>;
  /** The license engine's instance type table. */
  instanceTypes: {
    factsOf(
      instanceType: string,
    ): { vcpus: number; threadsPerCore: number } | null;
  };
  regions: KnownRegions;
}

export type ValidationResult =
  | {
      ok: true;
      /** The request as it is stored: refs lowercase, provider and region names canonical. */
      input: OnboardingRequestInput;
      plan: OnboardingPlan;
    }
  | { ok: false; problems: OnboardingProblem[] };

/** Products counted in seats are named under `saas`; all others are deployed. */
const isSeatProduct = (product: LicenseProduct) =>
  product.metric === 'per-user';

/** `kind:namespace/name`, lowercase, or a reason the ref does not parse or has another kind. */
function entityRef(
  value: string,
  kind: 'component' | 'group',
): { ref: string } | { reason: string } {
  let parsed;
  try {
    parsed = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch {
    return {
      reason: `"${value}" is not an entity ref like ${kind}:default/name`,
    };
  }
  if (parsed.kind.toLowerCase() !== kind) {
    return {
      reason: `must be a ${
        kind === 'component' ? 'Component' : 'Group'
      }, not a ${parsed.kind}`,
    };
  }
  return {
    ref: `${parsed.kind}:${parsed.namespace}/${parsed.name}`.toLowerCase(),
  };
}

const isCount = (n: number) => Number.isInteger(n) && n >= 1;

/** Checks one deployment, adding problems; answers it sized, or null when it cannot be. */
function checkDeployment(
  deployment: ParsedOnboardingRequest['deployments'][number],
  at: string,
  facts: RequestFacts,
  problems: OnboardingProblem[],
): PlannedDeployment | null {
  const before = problems.length;
  const problem = (field: string, reason: string) =>
    problems.push({ field: `${at}.${field}`, reason });

  const provider = facts.regions.provider(deployment.provider);
  let region: string | undefined;
  if (!provider) {
    const known = facts.regions.list().map(p => p.provider);
    problem(
      'provider',
      `"${deployment.provider}" is not a known provider; known: ${known.join(
        ', ',
      )}`,
    );
  } else {
    region = facts.regions.region(provider, deployment.region);
    if (!region) {
      problem(
        'region',
        `"${deployment.region}" is not a region of ${provider} (see GET /onboarding/options)`,
      );
    }
  }

  const typeFacts = deployment.instanceType
    ? facts.instanceTypes.factsOf(deployment.instanceType)
    : null;
  if (deployment.instanceType && !typeFacts) {
    problem(
      'instanceType',
      `"${deployment.instanceType}" is not a known instance type; give vcpus instead, or add it under finopsItam.licenses.instanceTypes`,
    );
  }
  if (deployment.vcpus !== undefined && !isCount(deployment.vcpus)) {
    problem('vcpus', 'must be a whole number of at least 1');
  } else if (
    deployment.vcpus !== undefined &&
    typeFacts &&
    typeFacts.vcpus !== deployment.vcpus
  ) {
    problem(
      'vcpus',
      `${deployment.instanceType} has ${typeFacts.vcpus} vCPUs, not ${deployment.vcpus}; leave vcpus out or correct it`,
    );
  }
  if (!deployment.instanceType && deployment.vcpus === undefined) {
    problem('vcpus', 'give instanceType or vcpus (or both)');
  }
  if (!isCount(deployment.count)) {
    problem('count', 'must be a whole number of at least 1');
  }

  deployment.products.forEach((item, index) => {
    const product = facts.products.get(item.productId);
    if (!product) {
      problem(
        `products[${index}].productId`,
        `"${item.productId}" is not a known license product`,
      );
    } else if (isSeatProduct(product)) {
      problem(
        `products[${index}].productId`,
        `"${item.productId}" is counted per user; name it under saas with its seats`,
      );
    }
  });

  if (problems.length > before) return null;
  return {
    provider: provider!,
    region: region!,
    tenancy: deployment.tenancy,
    instanceType: deployment.instanceType ?? null,
    vcpus: deployment.vcpus ?? typeFacts!.vcpus,
    threadsPerCore: typeFacts?.threadsPerCore ?? null,
    count: deployment.count,
    products: deployment.products,
  };
}

/**
 * Validates an onboarding request as a whole: its shape (zod), then what it names against
 * the catalogs (entity refs, products, instance types, providers and regions) and the
 * calendar. Answers every problem at once, so the person filing fixes them in one go, or
 * the stored form of the request with its plan: every deployment sized in vCPUs.
 */
export function validateRequest(
  body: unknown,
  facts: RequestFacts,
  options: {
    /** False when rechecking a stored request, whose go-live may have passed since. */
    goLiveFromToday?: boolean;
  } = {},
): ValidationResult {
  const parsed = onboardingRequestSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, problems: schemaProblems(parsed.error) };
  }
  const request = parsed.data;
  const problems: OnboardingProblem[] = [];

  const workload = entityRef(request.entityRef, 'component');
  if ('reason' in workload) {
    problems.push({ field: 'entityRef', reason: workload.reason });
  }
  const owner = entityRef(request.owner, 'group');
  if ('reason' in owner) {
    problems.push({ field: 'owner', reason: owner.reason });
  }
  const replaces = request.replaces
    ? entityRef(request.replaces, 'component')
    : undefined;
  if (replaces && 'reason' in replaces) {
    problems.push({ field: 'replaces', reason: replaces.reason });
  }

  const goLive = DateTime.fromFormat(request.goLive, 'yyyy-MM-dd', {
    zone: 'utc',
  });
  if (!goLive.isValid) {
    problems.push({
      field: 'goLive',
      reason: `"${request.goLive}" is not a day like 2027-02-01`,
    });
  } else if (
    options.goLiveFromToday !== false &&
    request.goLive < facts.today
  ) {
    problems.push({
      field: 'goLive',
      reason: `${request.goLive} is in the past; today is ${facts.today} (UTC)`,
    });
  }

  const saas = request.saas ?? [];
  if (request.deployments.length === 0 && saas.length === 0) {
    problems.push({
      field: 'deployments',
      reason: 'name at least one deployment or SaaS product',
    });
  }

  const deployments = request.deployments.map((deployment, index) =>
    checkDeployment(deployment, `deployments[${index}]`, facts, problems),
  );

  saas.forEach((item, index) => {
    const at = `saas[${index}]`;
    const product = facts.products.get(item.productId);
    if (!product) {
      problems.push({
        field: `${at}.productId`,
        reason: `"${item.productId}" is not a known license product`,
      });
    } else if (!isSeatProduct(product)) {
      problems.push({
        field: `${at}.productId`,
        reason: `"${item.productId}" is counted ${product.metric}, not per user; name it under a deployment`,
      });
    }
    if (!isCount(item.seats)) {
      problems.push({
        field: `${at}.seats`,
        reason: 'must be a whole number of at least 1',
      });
    }
  });

  if (problems.length > 0) return { ok: false, problems };

  const input: OnboardingRequestInput = {
    ...request,
    entityRef: (workload as { ref: string }).ref,
    owner: (owner as { ref: string }).ref,
    ...(replaces ? { replaces: (replaces as { ref: string }).ref } : {}),
    deployments: request.deployments.map((deployment, index) => ({
      ...deployment,
      provider: deployments[index]!.provider,
      region: deployments[index]!.region,
    })),
  };
  const { deployments: _filed, ...rest } = input;
  return {
    ok: true,
    input,
    plan: { ...rest, deployments: deployments as PlannedDeployment[] },
  };
}
