import {
  OnboardingRequest,
  OnboardingStatus,
} from '@finops-itam/plugin-finops-itam-common';

/** Waiting for a reviewer comes first, then waiting for the requester, then closed requests. */
const STATUS_RANK: Record<OnboardingStatus, number> = {
  'pending-review': 0,
  'changes-requested': 1,
  approved: 2,
  fulfilled: 2,
  rejected: 2,
  expired: 2,
};

/**
 * The review queue's order: pending review first, then changes requested, then the rest;
 * newest first within each. The backend lists them so already; sorting again keeps the queue
 * right whatever order a backend sends.
 */
export function queueOrder(requests: OnboardingRequest[]): OnboardingRequest[] {
  return [...requests].sort(
    (a, b) =>
      (STATUS_RANK[a.status] ?? 3) - (STATUS_RANK[b.status] ?? 3) ||
      b.createdAt.localeCompare(a.createdAt),
  );
}

/** How many of a request's checks failed and warned. */
export function checkCounts(request: OnboardingRequest): {
  failed: number;
  warnings: number;
} {
  return {
    failed: request.checks.filter(check => check.status === 'fail').length,
    warnings: request.checks.filter(check => check.status === 'warn').length,
  };
}
