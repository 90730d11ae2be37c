import { spec } from '../schema/openapi/generated/router';

/**
 * The operations of the contract (openapi.yaml) with what each needs, and a request that
 * passes its validation, for the tests that call every route (permission matrix, scripted
 * access).
 */

/** Operations that answer without any permission, and why. */
export const OPEN_OPERATIONS: Record<string, string> = {
  GetHealth: 'health is for load balancers and answers without credentials',
};

/** A workload as the contract's OnboardingRequestInput has it, for filing and updating. */
const ONBOARDING_REQUEST = {
  entityRef: 'component:default/new-billing',
  owner: 'group:default/team-payments',
  title: 'New billing service',
  goLive: '2099-01-01',
  procurement: 'enterprise-agreement',
  deployments: [
    {
      provider: 'AWS',
      region: 'eu-west-1',
      tenancy: 'shared',
      instanceType: 'm5.xlarge',
      vcpus: 4,
      count: 1,
      products: [],
    },
  ],
};

/**
 * A body for each operation that takes one, valid as the contract sees it: the contract's
 * request validation answers before any route code, so an invalid body would hide the check.
 */
export const SAMPLE_BODIES: Record<string, unknown> = {
  PutMetricValues: { values: [] },
  PutLicenseProducts: [],
  PutLicenseEntitlements: [],
  PutLicenseSeats: { seats: [] },
  PutBudgets: [],
  CreateOnboardingRequest: ONBOARDING_REQUEST,
  UpdateOnboardingRequest: ONBOARDING_REQUEST,
  DecideOnboardingRequest: { decision: 'approve', reason: 'fits' },
  SetAnomalyStatus: { status: 'acknowledged' },
};

const PATH_SAMPLES: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout-api',
  id: 'no-such-id',
  productId: 'sql-server',
};

export interface Operation {
  id: string;
  method: 'get' | 'put' | 'post' | 'delete';
  path: string;
  /**
   * The permissions the contract says the operation needs, all of them (reports on the cost
   * of every team need `finops-itam.read` and `finops-itam.cost.read`); null: none stated.
   */
  needs: string[] | null;
  requiredQuery: Record<string, string>;
  hasBody: boolean;
}

type SpecOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  requestBody?: unknown;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    schema?: { format?: string; $ref?: string };
  }>;
};

function sampleQueryValue(schema?: { format?: string; $ref?: string }) {
  if (schema?.$ref?.endsWith('/Month')) return '2026-10';
  if (schema?.format === 'date') return '2026-10-01';
  return 'x';
}

export function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(
    spec.paths as unknown as Record<string, Record<string, SpecOperation>>,
  )) {
    for (const [method, op] of Object.entries(item)) {
      if (!op.operationId) continue;
      const text = `${op.summary ?? ''} ${op.description ?? ''}`;
      // The sentence after "Needs", every permission it names.
      const sentence = /Needs (finops-itam\.[^]*?)(\.\s|\.$|;)/.exec(text)?.[1];
      const needs = sentence
        ? [...new Set(sentence.match(/finops-itam\.[a-z.]*[a-z]/g))]
        : null;
      const requiredQuery = Object.fromEntries(
        (op.parameters ?? [])
          .filter(p => p.in === 'query' && p.required)
          .map(p => [p.name, sampleQueryValue(p.schema)]),
      );
      found.push({
        id: op.operationId,
        method: method as Operation['method'],
        path: path.replace(/\{(\w+)\}/g, (_, name) => PATH_SAMPLES[name]),
        needs,
        requiredQuery,
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return found;
}
