import { ReharvestCandidate } from '@finops-itam/plugin-finops-itam-common';
import type { CompletedMigration } from '../feature/hooks';
import { DailyRequirement, entitiesPeak } from './dailyRequirement';
import { Consumption, needsEntitlement } from './licenseConsumption';
import { compare } from './licensePosition';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * After a migration went live, the licenses of the workload it replaced can be reclaimed:
 * per product, what that workload needed at its peak over the evaluation window (its BYOL,
 * declared and seat use; license-included use releases nothing). Quantities are the
 * workload's own peak, so several deployments count as what ran at once.
 */
export function migratedWorkloadCandidates(input: {
  migrations: CompletedMigration[];
  consumptions: Consumption[];
  daily: DailyRequirement;
  window: { from: string; to: string };
}): ReharvestCandidate[] {
  const candidates: ReharvestCandidate[] = [];
  const listed = new Set<string>();
  // The earliest migration of a workload names it, should two requests replace the same one.
  const migrations = [...input.migrations].sort(
    (a, b) => compare(a.goLive, b.goLive) || compare(a.requestId, b.requestId),
  );
  for (const migration of migrations) {
    const replaced = lower(migration.replaces);
    const models = new Map<string, Set<Consumption['model']>>();
    for (const c of input.consumptions) {
      if (c.entityRef !== replaced || !needsEntitlement(c)) continue;
      const set = models.get(c.productId) ?? new Set();
      set.add(c.model);
      models.set(c.productId, set);
    }
    for (const [productId, used] of [...models].sort((a, b) =>
      compare(a[0], b[0]),
    )) {
      const quantity = entitiesPeak(
        input.daily.get(productId),
        used,
        new Set([replaced]),
        input.window,
      );
      const key = JSON.stringify([productId, replaced]);
      if (quantity <= 0 || listed.has(key)) continue;
      listed.add(key);
      candidates.push({
        productId,
        reason: 'migrated-workload',
        detail: `replaced by ${lower(
          migration.entityRef,
        )} (onboarding request ${migration.requestId}) live since ${
          migration.goLive
        }`,
        entityRef: replaced,
        resourceId: null,
        quantity,
        onboardingRequestId: migration.requestId,
      });
    }
  }
  return candidates;
}

/**
 * The reharvest list with migrations: a migrated workload's candidate stands for all of its
 * use of the product, so the workload's other candidates for that product (deprecated, a
 * stopped resource, an inactive seat) are left out rather than counted twice.
 */
export function withMigratedWorkloads(
  candidates: ReharvestCandidate[],
  migrated: ReharvestCandidate[],
): ReharvestCandidate[] {
  const covered = new Set(
    migrated.map(c => JSON.stringify([c.productId, c.entityRef])),
  );
  return [
    ...candidates.filter(
      c => !covered.has(JSON.stringify([c.productId, c.entityRef])),
    ),
    ...migrated,
  ].sort(
    (a, b) => compare(a.productId, b.productId) || compare(a.detail, b.detail),
  );
}
