import { LoggerService } from '@backstage/backend-plugin-api';
import { DateTime } from 'luxon';
import { LicenseEngine } from '../feature/hooks';
import { ChecksInput } from './checks';
import { CheckOutcome, OnboardingPlan } from './checks/types';
import { CheckContextBuilder } from './CheckContextBuilder';
import { statusChanges } from './checkSummary';
import { KnownRegions } from './KnownRegions';
import { OnboardingNotifier } from './OnboardingNotifier';
import { OnboardingStore, StoredOnboardingRequest } from './OnboardingStore';
import { OPEN_STATUSES } from './OnboardingService';
import { todayUtc } from './today';
import { validateRequest } from './validateRequest';

/** Who the history names for changes nobody made by hand. */
export const PLUGIN_ACTOR = 'plugin:finops-itam';

/**
 * Keeps requests current when what they were checked against changes: reruns the checks
 * of open and approved requests (a check whose status moved gets a `checks-changed` entry
 * and a notification), marks approved requests `fulfilled` once their workload has cost on
 * or after go-live, and `expired` when it still has none `reservationDays` after go-live.
 */
export class OnboardingRechecker {
  readonly #now: () => Date;

  constructor(
    private readonly deps: {
      store: OnboardingStore;
      contexts: CheckContextBuilder;
      runChecks: (plan: OnboardingPlan, context: ChecksInput) => CheckOutcome;
      licenseEngine: () => LicenseEngine;
      regions: KnownRegions;
      notifier: OnboardingNotifier;
      reservationDays: number;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.#now = deps.now ?? (() => new Date());
  }

  /** Settles approved requests, then rechecks what is still open or approved. */
  async run(): Promise<void> {
    await this.settleApproved();
    await this.recheck();
  }

  /** Fulfils or expires approved requests whose go-live has come. */
  async settleApproved(): Promise<void> {
    const { store, reservationDays } = this.deps;
    const today = todayUtc(this.#now());
    const approved = await store.list({ status: 'approved' });
    for (const request of approved) {
      if (request.goLive > today) continue;
      const firstCost = await store.firstCostDay(
        request.entityRef,
        request.goLive,
      );
      const at = this.#now().toISOString();
      if (firstCost) {
        const detail = `${request.entityRef} has cost from ${firstCost}; its licenses count as consumption now, no longer reserved`;
        await this.#settle(request, 'fulfilled', detail, at);
        continue;
      }
      const expiresAfter = DateTime.fromISO(request.goLive, { zone: 'utc' })
        .plus({ days: reservationDays })
        .toISODate()!;
      if (today > expiresAfter) {
        const detail = `${request.entityRef} had no cost within ${reservationDays} days after go-live ${request.goLive}; the reserved licenses are released`;
        await this.#settle(request, 'expired', detail, at);
      }
    }
  }

  async #settle(
    request: StoredOnboardingRequest,
    status: 'fulfilled' | 'expired',
    detail: string,
    at: string,
  ) {
    const changed = await this.deps.store.change(
      request.id,
      { status, updatedAt: at },
      [{ at, by: PLUGIN_ACTOR, action: status, detail }],
      ['approved'],
    );
    if (changed) {
      await this.deps.notifier.notify({ ...request, status }, status, detail);
    }
  }

  /** Reruns the checks of open and approved requests against the current inputs. */
  async recheck(): Promise<void> {
    const { store, contexts, logger } = this.deps;
    const requests = await store.list({
      statuses: [...OPEN_STATUSES, 'approved'],
    });
    if (requests.length === 0) return;
    const today = todayUtc(this.#now());
    const shared = await contexts.shared(today);
    for (const request of requests) {
      const result = validateRequest(
        request.input,
        {
          today,
          products: shared.snapshot.products,
          instanceTypes: this.deps.licenseEngine().instanceTypes,
          regions: this.deps.regions,
        },
        { goLiveFromToday: false },
      );
      if (!result.ok) {
        // A product or region it names has gone from the catalogs: keep the last checks.
        logger.warn(
          `Onboarding request ${
            request.id
          } could not be rechecked: ${result.problems
            .map(p => `${p.field} ${p.reason}`)
            .join('; ')}`,
        );
        continue;
      }
      const context = await contexts.forPlan(shared, result.plan, request.id);
      const outcome = this.deps.runChecks(result.plan, context);
      const changes = statusChanges(request.checks, outcome.checks);
      const at = this.#now().toISOString();
      const evaluation = {
        checks: outcome.checks,
        costEstimate: outcome.costEstimate,
        reservations: outcome.reservations,
        checkedAt: at,
      };
      const changed = await store.change(
        request.id,
        // updatedAt tracks people's changes; a recheck moves only checkedAt.
        { evaluation, updatedAt: request.updatedAt },
        changes
          ? [
              {
                at,
                by: PLUGIN_ACTOR,
                action: 'checks-changed',
                detail: changes,
              },
            ]
          : [],
        [request.status],
      );
      if (changed && changes) {
        await this.deps.notifier.notify(
          { ...request, ...evaluation },
          'checks-changed',
          changes,
        );
      }
    }
  }
}
