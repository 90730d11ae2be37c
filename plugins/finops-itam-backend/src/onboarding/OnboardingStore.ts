import {
  OnboardingCheck,
  OnboardingCheckId,
  OnboardingCostEstimate,
  OnboardingDecisionKind,
  OnboardingHistoryEntry,
  OnboardingProcurement,
  OnboardingRequestInput,
  OnboardingReservation,
  OnboardingStatus,
} from '@finops-itam/plugin-finops-itam-common';

/** The workload a request describes, as filed or last updated. */
export interface OnboardingContent {
  /** Lowercase entity ref of the workload. */
  entityRef: string;
  /** Lowercase entity ref of the owner group. */
  owner: string;
  title: string;
  description: string | null;
  goLive: string;
  procurement: OnboardingProcurement;
  /** Lowercase entity ref of the replaced workload, for a migration. */
  replaces: string | null;
  /** The request body as filed (normalised refs), from which the plan is rebuilt. */
  input: OnboardingRequestInput;
}

/** What the checks last answered for a request. */
export interface OnboardingEvaluation {
  checks: OnboardingCheck[];
  costEstimate: OnboardingCostEstimate;
  reservations: OnboardingReservation[];
  checkedAt: string;
}

/** A stored request without its history. */
export interface StoredOnboardingRequest
  extends OnboardingContent,
    OnboardingEvaluation {
  id: string;
  status: OnboardingStatus;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A reviewer's decision, kept on its history entry. */
export interface StoredDecision {
  decision: OnboardingDecisionKind;
  reason: string;
  exception: string | null;
  failedChecks: OnboardingCheckId[];
}

/** One history entry; decision entries carry the decision. */
export interface OnboardingHistoryRecord {
  at: string;
  by: string;
  action: OnboardingHistoryEntry['action'];
  detail: string;
  decision?: StoredDecision;
}

/** A change to a stored request: any of its parts, with the time of the change. */
export interface OnboardingRequestChange {
  status?: OnboardingStatus;
  content?: OnboardingContent;
  evaluation?: OnboardingEvaluation;
  updatedAt: string;
}

export interface OnboardingRequestFilter {
  status?: OnboardingStatus;
  /** Lowercase owner ref. */
  owner?: string;
  /** Lowercase workload ref. */
  entityRef?: string;
  /** Any of these statuses. */
  statuses?: OnboardingStatus[];
}

/**
 * Onboarding requests and their history. Every write that touches a request and its
 * history does so in one transaction, so a request is never stored without its entry.
 */
export interface OnboardingStore {
  /** Stores a new request with its first history entry. */
  create(
    request: StoredOnboardingRequest,
    entry: OnboardingHistoryRecord,
  ): Promise<void>;

  get(id: string): Promise<StoredOnboardingRequest | undefined>;

  /** Requests matching every given filter, in no particular order. */
  list(filter?: OnboardingRequestFilter): Promise<StoredOnboardingRequest[]>;

  /** History of each request, oldest first. */
  history(
    requestIds: string[],
  ): Promise<Map<string, OnboardingHistoryRecord[]>>;

  /**
   * Applies `change` and appends `entries`, only when the request is still in one of
   * `onlyIfStatusIn` (when given): two reviewers deciding at once cannot both succeed.
   * Answers whether the request was changed.
   */
  change(
    id: string,
    change: OnboardingRequestChange,
    entries: OnboardingHistoryRecord[],
    onlyIfStatusIn?: OnboardingStatus[],
  ): Promise<boolean>;

  /**
   * The first day on or after `from` on which `entityRef` (lowercase) has allocated cost,
   * or null: an approved workload that shows up in cost data is fulfilled.
   */
  firstCostDay(entityRef: string, from: string): Promise<string | null>;
}
