import {
  OnboardingDecision,
  OnboardingHistoryEntry,
  OnboardingRequest,
  OnboardingRequestDetail,
} from '@finops-itam/plugin-finops-itam-common';
import {
  OnboardingHistoryRecord,
  StoredOnboardingRequest,
} from './OnboardingStore';

/** The decisions among a request's history entries, oldest first. */
export function decisionsOf(
  history: OnboardingHistoryRecord[],
): OnboardingDecision[] {
  return history.flatMap(entry =>
    entry.decision ? [{ ...entry.decision, by: entry.by, at: entry.at }] : [],
  );
}

/** A stored request as the API answers it in lists (the filed body's parts, the checks, the decisions). */
export function toApiRequest(
  request: StoredOnboardingRequest,
  history: OnboardingHistoryRecord[],
): OnboardingRequest {
  const { input } = request;
  return {
    id: request.id,
    status: request.status,
    entityRef: request.entityRef,
    owner: request.owner,
    title: request.title,
    description: request.description,
    goLive: request.goLive,
    procurement: request.procurement,
    replaces: request.replaces,
    tags: input.tags ?? {},
    deployments: input.deployments,
    saas: input.saas ?? [],
    estimatedMonthlyCost: input.estimatedMonthlyCost ?? null,
    costEstimate: request.costEstimate,
    checks: request.checks,
    checkedAt: request.checkedAt,
    reservations: request.reservations,
    decisions: decisionsOf(history),
    requestedBy: request.requestedBy,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}

/** A stored request with its history, as `GET /onboarding/requests/{id}` answers it. */
export function toApiDetail(
  request: StoredOnboardingRequest,
  history: OnboardingHistoryRecord[],
): OnboardingRequestDetail {
  return {
    ...toApiRequest(request, history),
    history: history.map(
      (entry): OnboardingHistoryEntry => ({
        at: entry.at,
        by: entry.by,
        action: entry.action,
        detail: entry.detail,
      }),
    ),
  };
}
