import {
  OnboardingDeployment,
  OnboardingLicenseModel,
  OnboardingProblem,
  OnboardingProcurement,
  OnboardingRequest,
  OnboardingRequestInput,
  OnboardingTenancy,
} from '@finops-itam/plugin-finops-itam-common';

/** A licensed product of a deployment as the form holds it, before it is complete. */
export interface ProductDraft {
  productId: string;
  licenseModel: OnboardingLicenseModel | '';
}

/** A planned deployment as the form holds it; numbers are undefined while empty. */
export interface DeploymentDraft {
  provider: string;
  region: string;
  tenancy: OnboardingTenancy | '';
  instanceType: string;
  vcpus?: number;
  count?: number;
  products: ProductDraft[];
}

/** SaaS seats as the form holds them. */
export interface SaasDraft {
  productId: string;
  seats?: number;
}

/** The "New onboarding request" form's values. */
export interface RequestDraft {
  entityRef: string;
  owner: string;
  title: string;
  description: string;
  goLive: string;
  procurement: OnboardingProcurement | '';
  replaces: string;
  /** `key=value` pairs separated by commas. */
  tags: string;
  deployments: DeploymentDraft[];
  saas: SaasDraft[];
  /** The requester's own monthly estimate, a decimal string; empty when none. */
  estimateAmount: string;
  estimateCurrency: string;
}

export function emptyProduct(): ProductDraft {
  return { productId: '', licenseModel: '' };
}

export function emptyDeployment(): DeploymentDraft {
  return {
    provider: '',
    region: '',
    tenancy: 'shared',
    instanceType: '',
    count: 1,
    products: [emptyProduct()],
  };
}

/** A blank request, for `entityRef` when the form was opened from a workload. */
export function emptyDraft(entityRef = ''): RequestDraft {
  return {
    entityRef,
    owner: '',
    title: '',
    description: '',
    goLive: '',
    procurement: '',
    replaces: '',
    tags: '',
    deployments: [emptyDeployment()],
    saas: [],
    estimateAmount: '',
    estimateCurrency: 'USD',
  };
}

/** A filed request as the form holds it, to change it. */
export function draftOf(request: OnboardingRequest): RequestDraft {
  return {
    entityRef: request.entityRef,
    owner: request.owner,
    title: request.title,
    description: request.description ?? '',
    goLive: request.goLive,
    procurement: request.procurement,
    replaces: request.replaces ?? '',
    tags: Object.entries(request.tags)
      .map(([key, value]) => `${key}=${value}`)
      .join(', '),
    deployments: request.deployments.map(deployment => ({
      provider: deployment.provider,
      region: deployment.region,
      tenancy: deployment.tenancy,
      instanceType: deployment.instanceType ?? '',
      // The backend fills the vCPUs in from the instance type; sending them back would
      // pin them if the instance type is changed.
      vcpus: deployment.instanceType ? undefined : deployment.vcpus,
      count: deployment.count,
      products: deployment.products.map(product => ({ ...product })),
    })),
    saas: request.saas.map(saas => ({ ...saas })),
    estimateAmount: request.estimatedMonthlyCost?.amount ?? '',
    estimateCurrency: request.estimatedMonthlyCost?.currency ?? 'USD',
  };
}

/** Problems keyed by the backend's field paths (`deployments[0].region`). */
export type FieldProblems = Record<string, string>;

export function problemsByField(problems: OnboardingProblem[]): FieldProblems {
  const byField: FieldProblems = {};
  for (const problem of problems) {
    // Several reasons for one field are all worth reading.
    byField[problem.field] = byField[problem.field]
      ? `${byField[problem.field]}; ${problem.reason}`
      : problem.reason;
  }
  return byField;
}

const DECIMAL = /^\d+(\.\d+)?$/;

function parseTags(
  text: string,
): { tags: Record<string, string> } | { problem: string } {
  const tags: Record<string, string> = {};
  for (const pair of text.split(',').map(part => part.trim())) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    if (at <= 0) {
      return {
        problem: `"${pair}" is not key=value; separate tags with commas, e.g. cost-center=cc-42, env=prod.`,
      };
    }
    tags[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return { tags };
}

function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value);
}

function deploymentInput(
  draft: DeploymentDraft,
  at: string,
  problems: FieldProblems,
): OnboardingDeployment {
  if (!draft.provider) problems[`${at}.provider`] = 'Choose a provider.';
  if (!draft.region) problems[`${at}.region`] = 'Choose a region.';
  if (!draft.tenancy) problems[`${at}.tenancy`] = 'Choose a tenancy.';
  if (!isCount(draft.count)) problems[`${at}.count`] = 'Give a whole number.';
  if (!draft.instanceType && !isCount(draft.vcpus)) {
    problems[`${at}.instanceType`] =
      'Choose an instance type, or give the vCPUs per instance.';
  }
  draft.products.forEach((product, index) => {
    if (!product.productId) {
      problems[`${at}.products[${index}].productId`] = 'Choose a product.';
    }
    if (!product.licenseModel) {
      problems[`${at}.products[${index}].licenseModel`] =
        'Choose BYOL or license included.';
    }
  });
  return {
    provider: draft.provider,
    region: draft.region,
    tenancy: draft.tenancy as OnboardingTenancy,
    ...(draft.instanceType ? { instanceType: draft.instanceType } : {}),
    ...(isCount(draft.vcpus) ? { vcpus: draft.vcpus } : {}),
    count: draft.count as number,
    products: draft.products.map(product => ({
      productId: product.productId,
      licenseModel: product.licenseModel as OnboardingLicenseModel,
    })),
  };
}

/**
 * The request body for a draft, or the problems that keep it from being filed: what is
 * missing or malformed, keyed like the backend's problems so both show the same way. Whether
 * products, regions or dates are acceptable is the backend's to say.
 */
export function toRequestInput(
  draft: RequestDraft,
): { input: OnboardingRequestInput } | { problems: FieldProblems } {
  const problems: FieldProblems = {};
  const required: [keyof RequestDraft, string][] = [
    ['entityRef', 'Name the workload, e.g. component:default/new-billing.'],
    ['owner', 'Name the owner group, e.g. group:default/team-payments.'],
    ['title', 'Give the request a title.'],
    ['goLive', 'Give the first day in production.'],
    ['procurement', 'Choose how the licenses are bought.'],
  ];
  for (const [field, reason] of required) {
    if (!String(draft[field]).trim()) problems[field] = reason;
  }
  if (draft.goLive.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(draft.goLive.trim())) {
    problems.goLive = 'Write the date as YYYY-MM-DD, e.g. 2027-02-01.';
  }
  const tags = parseTags(draft.tags);
  if ('problem' in tags) problems.tags = tags.problem;
  if (draft.deployments.length === 0 && draft.saas.length === 0) {
    problems.deployments = 'Plan at least one deployment or SaaS product.';
  }
  const deployments = draft.deployments.map((deployment, index) =>
    deploymentInput(deployment, `deployments[${index}]`, problems),
  );
  draft.saas.forEach((saas, index) => {
    if (!saas.productId)
      problems[`saas[${index}].productId`] = 'Choose a product.';
    if (!isCount(saas.seats))
      problems[`saas[${index}].seats`] = 'Give a whole number.';
  });
  const amount = draft.estimateAmount.trim();
  if (amount && !DECIMAL.test(amount)) {
    problems['estimatedMonthlyCost.amount'] =
      'Give an amount like 1800.00, without currency sign or thousands separators.';
  }
  if (amount && !/^[A-Z]{3}$/.test(draft.estimateCurrency.trim())) {
    problems['estimatedMonthlyCost.currency'] =
      'Give a three-letter currency code, e.g. USD.';
  }
  if (Object.keys(problems).length > 0) {
    return { problems };
  }
  const optional = (text: string) => (text.trim() ? text.trim() : undefined);
  const input: OnboardingRequestInput = {
    entityRef: draft.entityRef.trim(),
    owner: draft.owner.trim(),
    title: draft.title.trim(),
    goLive: draft.goLive.trim(),
    procurement: draft.procurement as OnboardingProcurement,
    deployments,
  };
  const description = optional(draft.description);
  if (description) input.description = description;
  const replaces = optional(draft.replaces);
  if (replaces) input.replaces = replaces;
  if ('tags' in tags && Object.keys(tags.tags).length > 0)
    input.tags = tags.tags;
  if (draft.saas.length > 0) {
    input.saas = draft.saas.map(saas => ({
      productId: saas.productId,
      seats: saas.seats as number,
    }));
  }
  if (amount) {
    input.estimatedMonthlyCost = {
      amount,
      currency: draft.estimateCurrency.trim(),
    };
  }
  return { input };
}

const SHOWN_BY_A_FIELD = [
  /^(entityRef|owner|title|description|goLive|procurement|replaces|tags)$/,
  /^estimatedMonthlyCost\.(amount|currency)$/,
  /^deployments\[\d+\]\.(provider|region|tenancy|instanceType|vcpus|count)$/,
  /^deployments\[\d+\]\.products\[\d+\]\.(productId|licenseModel)$/,
  /^saas\[\d+\]\.(productId|seats)$/,
];

/**
 * The problems no field of the form shows (`deployments`, an index the form does not have…),
 * to list above the form so none is lost.
 */
export function problemsWithoutField(
  problems: FieldProblems,
  draft: RequestDraft,
): [string, string][] {
  return Object.entries(problems).filter(([field]) => {
    if (!SHOWN_BY_A_FIELD.some(pattern => pattern.test(field))) return true;
    const deployment = /^deployments\[(\d+)\](?:\.products\[(\d+)\])?/.exec(
      field,
    );
    if (deployment) {
      const planned = draft.deployments[Number(deployment[1])];
      if (!planned) return true;
      return (
        deployment[2] !== undefined && !planned.products[Number(deployment[2])]
      );
    }
    const saas = /^saas\[(\d+)\]/.exec(field);
    return saas ? !draft.saas[Number(saas[1])] : false;
  });
}
