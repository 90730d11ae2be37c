import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  OnboardingDecisionInput,
  OnboardingOptions,
  OnboardingPolicies,
  OnboardingRequest,
  OnboardingRequestDetail,
  OnboardingStatus,
} from '@finops-itam/plugin-finops-itam-common';
import { randomUUID } from 'node:crypto';
import { LicenseEngine } from '../feature/hooks';
import { ChecksInput } from './checks';
import { CheckOutcome, OnboardingPlan } from './checks/types';
import { CheckContextBuilder } from './CheckContextBuilder';
import { checkSummary } from './checkSummary';
import { KnownRegions } from './KnownRegions';
import { OnboardingNotifier } from './OnboardingNotifier';
import { OnboardingProblemsError } from './OnboardingProblemsError';
import {
  OnboardingHistoryRecord,
  OnboardingStore,
  StoredOnboardingRequest,
} from './OnboardingStore';
import { toApiDetail, toApiRequest } from './toApiRequest';
import { validateRequest } from './validateRequest';
import { todayUtc } from './today';

/** Requests that can still change: a requester may update them, a reviewer decide. */
export const OPEN_STATUSES: OnboardingStatus[] = [
  'pending-review',
  'changes-requested',
];

const DECIDED: Record<
  OnboardingDecisionInput['decision'],
  { status: OnboardingStatus; action: OnboardingHistoryRecord['action'] }
> = {
  approve: { status: 'approved', action: 'approved' },
  reject: { status: 'rejected', action: 'rejected' },
  'request-changes': {
    status: 'changes-requested',
    action: 'changes-requested',
  },
};

/** An owner filter as stored: `team-a` is `group:default/team-a`, lowercase. */
function groupRef(owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLowerCase();
  } catch {
    // Not a ref at all: matches no request, as the filter should.
    return owner.trim().toLowerCase();
  }
}

/** Pending review first, then newest first. */
function queueOrder(a: StoredOnboardingRequest, b: StoredOnboardingRequest) {
  const pending = (r: StoredOnboardingRequest) =>
    r.status === 'pending-review' ? 0 : 1;
  return (
    pending(a) - pending(b) ||
    b.createdAt.localeCompare(a.createdAt) ||
    b.id.localeCompare(a.id)
  );
}

export interface OnboardingServiceOptions {
  store: OnboardingStore;
  contexts: CheckContextBuilder;
  runChecks: (plan: OnboardingPlan, context: ChecksInput) => CheckOutcome;
  licenseEngine: () => LicenseEngine;
  regions: KnownRegions;
  policies: OnboardingPolicies;
  notifier: OnboardingNotifier;
  /** Called after an approval: other requests' license availability changed. */
  onApproved?: () => void;
  now?: () => Date;
  newId?: () => string;
}

/**
 * Onboarding requests: filing and updating them (validated as a whole, then checked),
 * reviewers' decisions, and the reads of the queue, a request and an entity's requests.
 */
export class OnboardingService {
  readonly #now: () => Date;
  readonly #newId: () => string;

  constructor(private readonly deps: OnboardingServiceOptions) {
    this.#now = deps.now ?? (() => new Date());
    this.#newId = deps.newId ?? (() => randomUUID());
  }

  /** Validates `body` and runs the checks; throws {@link OnboardingProblemsError} with every problem. */
  private async evaluate(body: unknown, requestId?: string) {
    const today = todayUtc(this.#now());
    const contexts = this.deps.contexts;
    const shared = await contexts.shared(today);
    const result = validateRequest(body, {
      today,
      products: shared.snapshot.products,
      instanceTypes: this.deps.licenseEngine().instanceTypes,
      regions: this.deps.regions,
    });
    if (!result.ok) {
      throw new OnboardingProblemsError(
        'The onboarding request is invalid, nothing was stored',
        result.problems,
      );
    }
    const context = await contexts.forPlan(shared, result.plan, requestId);
    const outcome = this.deps.runChecks(result.plan, context);
    const { input } = result;
    return {
      content: {
        entityRef: input.entityRef,
        owner: input.owner,
        title: input.title,
        description: input.description ?? null,
        goLive: input.goLive,
        procurement: input.procurement,
        replaces: input.replaces ?? null,
        input,
      },
      evaluation: {
        checks: outcome.checks,
        costEstimate: outcome.costEstimate,
        reservations: outcome.reservations,
        checkedAt: this.#now().toISOString(),
      },
    };
  }

  async file(body: unknown, by: string): Promise<OnboardingRequestDetail> {
    const { content, evaluation } = await this.evaluate(body);
    const at = this.#now().toISOString();
    const request: StoredOnboardingRequest = {
      id: this.#newId(),
      status: 'pending-review',
      ...content,
      ...evaluation,
      requestedBy: by,
      createdAt: at,
      updatedAt: at,
    };
    const detail = `Filed for ${content.entityRef}, go-live ${
      content.goLive
    }; ${checkSummary(evaluation.checks)}`;
    await this.deps.store.create(request, {
      at,
      by,
      action: 'filed',
      detail,
    });
    await this.deps.notifier.notify(request, 'filed', detail);
    return this.get(request.id);
  }

  async update(
    id: string,
    body: unknown,
    by: string,
  ): Promise<OnboardingRequestDetail> {
    const current = await this.#find(id);
    this.#mustBeOpen(current, 'updated');
    const { content, evaluation } = await this.evaluate(body, id);
    const at = this.#now().toISOString();
    const detail = `Updated; ${checkSummary(evaluation.checks)}`;
    const changed = await this.deps.store.change(
      id,
      { status: 'pending-review', content, evaluation, updatedAt: at },
      [{ at, by, action: 'updated', detail }],
      OPEN_STATUSES,
    );
    if (!changed) this.#mustBeOpen(await this.#find(id), 'updated');
    const updated = await this.#find(id);
    await this.deps.notifier.notify(updated, 'updated', detail);
    return this.get(id);
  }

  async decide(
    id: string,
    input: OnboardingDecisionInput,
    by: string,
  ): Promise<OnboardingRequestDetail> {
    const current = await this.#find(id);
    this.#mustBeOpen(current, 'decided');
    const reason = input.reason?.trim() ?? '';
    const exception = input.exception?.trim() || null;
    const failedChecks = current.checks
      .filter(c => c.status === 'fail')
      .map(c => c.id);
    const problems = [];
    if (!reason) {
      problems.push({ field: 'reason', reason: 'is required' });
    }
    if (input.decision === 'approve' && failedChecks.length > 0 && !exception) {
      problems.push({
        field: 'exception',
        reason: `approving with failed checks (${failedChecks.join(
          ', ',
        )}) needs an exception: why it is approved anyway`,
      });
    }
    if (problems.length > 0) {
      throw new OnboardingProblemsError('The decision is invalid', problems);
    }
    const { status, action } = DECIDED[input.decision];
    const at = this.#now().toISOString();
    const keptException = input.decision === 'approve' ? exception : null;
    const detail = keptException
      ? `${reason} (exception: ${keptException})`
      : reason;
    const changed = await this.deps.store.change(
      id,
      { status, updatedAt: at },
      [
        {
          at,
          by,
          action,
          detail,
          decision: {
            decision: input.decision,
            reason,
            exception: keptException,
            failedChecks,
          },
        },
      ],
      OPEN_STATUSES,
    );
    if (!changed) this.#mustBeOpen(await this.#find(id), 'decided');
    const decided = await this.#find(id);
    await this.deps.notifier.notify(decided, action, detail);
    if (status === 'approved') this.deps.onApproved?.();
    return this.get(id);
  }

  async get(id: string): Promise<OnboardingRequestDetail> {
    const request = await this.#find(id);
    const history = await this.deps.store.history([id]);
    return toApiDetail(request, history.get(id) ?? []);
  }

  /** The queue: pending review first, then newest first. */
  async list(
    filter: { status?: OnboardingStatus; owner?: string } = {},
  ): Promise<OnboardingRequest[]> {
    const requests = await this.deps.store.list({
      status: filter.status,
      owner: filter.owner ? groupRef(filter.owner) : undefined,
    });
    return this.#withDecisions(requests.sort(queueOrder));
  }

  /** An entity's requests, newest first. */
  async entityRequests(entity: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<OnboardingRequest[]> {
    const entityRef =
      `${entity.kind}:${entity.namespace}/${entity.name}`.toLowerCase();
    const requests = await this.deps.store.list({ entityRef });
    return this.#withDecisions(
      requests.sort(
        (a, b) =>
          b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
      ),
    );
  }

  /** What a request may name, and the policies it is checked against. */
  async options(): Promise<OnboardingOptions> {
    const { policies, regions } = this.deps;
    const snapshot = await this.deps.licenseEngine().snapshot();
    const allowed = (provider: string) =>
      !policies.allowedProviders ||
      policies.allowedProviders.some(
        p => p.toLowerCase() === provider.toLowerCase(),
      );
    const blocked = new Set(policies.blockedProducts);
    return {
      providers: regions.list().map(p => ({
        ...p,
        allowed: allowed(p.provider),
      })),
      instanceTypes: this.deps.licenseEngine().instanceTypes.list(),
      products: [...snapshot.products.values()]
        .map(product => ({
          productId: product.id,
          name: product.name,
          metric: product.metric,
          saas: product.metric === 'per-user',
          blocked: blocked.has(product.id),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      policies,
    };
  }

  async #withDecisions(
    requests: StoredOnboardingRequest[],
  ): Promise<OnboardingRequest[]> {
    const history = await this.deps.store.history(requests.map(r => r.id));
    return requests.map(r => toApiRequest(r, history.get(r.id) ?? []));
  }

  async #find(id: string): Promise<StoredOnboardingRequest> {
    const request = await this.deps.store.get(id);
    if (!request) {
      throw new NotFoundError(`No onboarding request ${id}`);
    }
    return request;
  }

  #mustBeOpen(request: StoredOnboardingRequest, verb: string) {
    if (!OPEN_STATUSES.includes(request.status)) {
      throw new OnboardingProblemsError(`The request cannot be ${verb}`, [
        {
          field: 'status',
          reason: `the request is ${request.status}; only requests pending review or with changes requested can be ${verb}`,
        },
      ]);
    }
  }
}
