import {
  CompletedMigration,
  LicenseReservation,
  OnboardingLicenseHolds,
} from '../feature/hooks';
import { OnboardingStore } from './OnboardingStore';
import { todayUtc } from './today';

/**
 * What onboarding tells the license position: the licenses approved requests hold until
 * their workload shows up in cost data, and the migrations whose new workload went live
 * (the replaced workload's licenses can be reharvested).
 */
export function onboardingLicenseHolds(
  store: Pick<OnboardingStore, 'list'>,
  now: () => Date = () => new Date(),
): OnboardingLicenseHolds {
  return {
    async reservations(): Promise<LicenseReservation[]> {
      const approved = await store.list({ status: 'approved' });
      return approved.flatMap(request =>
        request.reservations.map(r => ({
          requestId: request.id,
          entityRef: request.entityRef,
          productId: r.productId,
          quantity: r.quantity,
        })),
      );
    },
    async completedMigrations(): Promise<CompletedMigration[]> {
      const today = todayUtc(now());
      const done = await store.list({ statuses: ['approved', 'fulfilled'] });
      return done
        .filter(r => r.replaces !== null && r.goLive <= today)
        .map(r => ({
          requestId: r.id,
          replaces: r.replaces!,
          entityRef: r.entityRef,
          goLive: r.goLive,
        }));
    },
  };
}
