import {
  OnboardingCheckId,
  OnboardingCheckStatus,
  OnboardingDecisionKind,
  OnboardingLicenseModel,
  OnboardingProcurement,
  OnboardingStatus,
  OnboardingTenancy,
} from '@finops-itam/plugin-finops-itam-common';

/** The name of each automatic check, as reviewers read it. */
export const CHECK_LABELS: Record<OnboardingCheckId, string> = {
  'license-availability': 'License availability',
  'byol-eligibility': 'BYOL eligibility',
  policy: 'Policy',
  'cost-estimate': 'Cost estimate',
  'budget-fit': 'Budget fit',
  'cheaper-option': 'Cheaper option',
};

export const CHECK_STATUS_LABELS: Record<OnboardingCheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
};

export const REQUEST_STATUS_LABELS: Record<OnboardingStatus, string> = {
  'pending-review': 'Pending review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  rejected: 'Rejected',
  fulfilled: 'Fulfilled',
  expired: 'Expired',
};

export const TENANCY_LABELS: Record<OnboardingTenancy, string> = {
  shared: 'Shared',
  'dedicated-instance': 'Dedicated instance',
  'dedicated-host': 'Dedicated host',
};

export const LICENSE_MODEL_LABELS: Record<OnboardingLicenseModel, string> = {
  byol: 'BYOL',
  'license-included': 'License included',
};

export const PROCUREMENT_LABELS: Record<OnboardingProcurement, string> = {
  'enterprise-agreement': 'Enterprise agreement',
  marketplace: 'Marketplace',
  reseller: 'Reseller',
};

export const DECISION_LABELS: Record<OnboardingDecisionKind, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  'request-changes': 'Changes requested',
};

/** Requests a reviewer can still decide on or the requester can still change. */
export function isOpenRequest(status: OnboardingStatus): boolean {
  return status === 'pending-review' || status === 'changes-requested';
}
