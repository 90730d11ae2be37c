import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { finopsItamPermissions } from '@finops-itam/plugin-finops-itam-common';
import request from 'supertest';
import { finopsItamPlugin } from './plugin';
import { spec } from './schema/openapi/generated/router';
import {
  grantingPermissions,
  recordingNotifications,
} from './__testUtils__/testServices';

/**
 * The permission matrix of issue 18: every operation of the contract, called by users who
 * hold exactly one permission (and by one who holds none), answers 403 unless that user holds
 * the permission its contract entry names ("Needs finops-itam.…"). The operations come from
 * openapi.yaml itself, so a route added later without its check, or without saying which
 * permission it needs, fails here.
 */

/** Operations that answer without any permission, and why. */
const OPEN_OPERATIONS: Record<string, string> = {
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
const SAMPLE_BODIES: Record<string, unknown> = {
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

interface Operation {
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

function operations(): Operation[] {
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

const userHolding = (...permissions: string[]) =>
  `user:default/holds-${permissions.join('-and-').replace(/\./g, '-')}`;
/** What a reader of every team's cost holds; the reports on all teams need both. */
const COST_READER = ['finops-itam.read', 'finops-itam.cost.read'];
const NOBODY = 'user:default/holds-nothing';

describe('permission matrix', () => {
  const all = operations();
  const permissionNames = finopsItamPermissions.map(p => p.name);
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    const grants: Record<string, string[]> = { [NOBODY]: [] };
    for (const name of permissionNames) grants[userHolding(name)] = [name];
    grants[userHolding(...COST_READER)] = COST_READER;
    const scheduler = mockServices.scheduler.mock();
    scheduler.triggerTask.mockResolvedValue(undefined);
    ({ server } = await startTestBackend({
      features: [
        finopsItamPlugin,
        grantingPermissions(grants).factory,
        recordingNotifications().factory,
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
      ],
    }));
  });

  const call = (operation: Operation, userRef: string) => {
    const url = `/api/finops-itam${operation.path}`;
    let pending = request(server)
      [operation.method](url)
      .query(operation.requiredQuery)
      .set('Authorization', mockCredentials.user.header(userRef));
    if (operation.hasBody) {
      pending = pending.send(SAMPLE_BODIES[operation.id] as object);
    }
    return pending;
  };

  it('finds every operation of the contract, each naming its permission', () => {
    expect(all.length).toBeGreaterThan(40);
    const unstated = all
      .filter(op => op.needs === null && !(op.id in OPEN_OPERATIONS))
      .map(op => op.id);
    expect(unstated).toEqual([]);
    const unknown = all
      .filter(
        op =>
          op.needs !== null &&
          !op.needs.every(name => permissionNames.includes(name)),
      )
      .map(op => `${op.id} needs ${op.needs}`);
    expect(unknown).toEqual([]);
    const bodiless = all
      .filter(op => op.hasBody && !(op.id in SAMPLE_BODIES))
      .map(op => op.id);
    expect(bodiless).toEqual([]);
  });

  it('refuses every guarded operation to a user without permissions', async () => {
    const answered: string[] = [];
    for (const operation of all.filter(op => op.needs !== null)) {
      const response = await call(operation, NOBODY);
      if (response.status !== 403) {
        answered.push(`${operation.id}: ${response.status}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it.each(
    [...finopsItamPermissions.map(p => [p.name]), COST_READER].map(held => ({
      held,
      label: held.join(' and '),
    })),
  )(
    'with only $label, answers exactly the operations that need no more',
    async ({ held }) => {
      const wrong: string[] = [];
      for (const operation of all.filter(op => op.needs !== null)) {
        const response = await call(operation, userHolding(...held));
        const refused = response.status === 403;
        const shouldRefuse = !operation.needs!.every(name =>
          held.includes(name),
        );
        if (refused !== shouldRefuse) {
          wrong.push(
            `${operation.id}: ${response.status} ${JSON.stringify(
              response.body?.error?.message ?? '',
            )}`,
          );
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
