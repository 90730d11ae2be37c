import {
  LicensePositionEntry,
  ReharvestCandidate,
} from '@finops-itam/plugin-finops-itam-common';
import { buildCsv } from '../../lib';

export const REASON_LABELS: Record<ReharvestCandidate['reason'], string> = {
  'deprecated-component': 'Deprecated component',
  'entity-missing': 'Entity no longer in the catalog',
  'inactive-seat': 'Inactive seat',
  'resource-absent': 'Resource gone from cost data',
  'migrated-workload': 'Workload migrated',
};

/** Products with entitlements nobody requires: shelfware to release or drop at renewal. */
export function shelfwareOf(
  position: LicensePositionEntry[],
): LicensePositionEntry[] {
  return position.filter(entry => entry.shelfware > 0);
}

/**
 * The reharvest list as CSV: candidates then shelfware, one line each, with the quantity it
 * would release and the onboarding request behind a migration.
 */
export function reharvestCsv(
  candidates: ReharvestCandidate[],
  shelfware: LicensePositionEntry[],
): string {
  return buildCsv(
    [
      'kind',
      'product',
      'reason',
      'entity',
      'owner',
      'resource',
      'quantity released',
      'onboarding request',
      'detail',
    ],
    [
      ...candidates.map(candidate => [
        'candidate',
        candidate.productId,
        REASON_LABELS[candidate.reason] ?? candidate.reason,
        candidate.entityRef ?? '',
        candidate.owner ?? '',
        candidate.resourceId ?? '',
        String(candidate.quantity),
        candidate.onboardingRequestId ?? '',
        candidate.detail,
      ]),
      ...shelfware.map(entry => [
        'shelfware',
        entry.productId,
        'Entitled but not required',
        '',
        '',
        '',
        String(entry.shelfware),
        '',
        `${entry.entitled} entitled, ${entry.required} required at the peak`,
      ]),
    ],
  );
}
