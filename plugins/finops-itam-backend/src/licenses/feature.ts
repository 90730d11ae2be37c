import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { FinopsItamHooks, OnboardingLicenseHolds } from '../feature/hooks';
import { createLicenseRoutes } from '../routes/licenses';
import { EntitlementSourceRunner } from './EntitlementSourceRunner';
import { readLicenseConfig } from './licenseConfig';
import { LicenseProductCatalog } from './LicenseProductCatalog';
import { LicenseService } from './LicenseService';
import { licenseCostTrigger, licenseTasks } from './licenseTasks';
import { SeatSourceRunner } from './SeatSourceRunner';

/**
 * The onboarding feature's holds, looked up at each call (features are created in any
 * order). A backend whose features leave onboarding out reserves nothing.
 */
function onboardingHolds(hooks: FinopsItamHooks): OnboardingLicenseHolds {
  const offered = (): OnboardingLicenseHolds | undefined => {
    try {
      return hooks.onboardingLicenseHolds.get();
    } catch {
      // get() throws only when no feature offers the holds.
      return undefined;
    }
  };
  return {
    reservations: async () => (await offered()?.reservations()) ?? [],
    completedMigrations: async () =>
      (await offered()?.completedMigrations()) ?? [],
  };
}

/**
 * Software licenses: products, entitlements and seats (by API or scheduled sources), the
 * license position (with what approved onboarding requests reserve), reharvest candidates,
 * compliance risks, and the daily license cost task, which runs again after every license
 * write. Offers the license engine to onboarding checks and announces license writes.
 */
export const createLicensesFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, scheduler, stores, hooks } = core;
  const licenseConfig = readLicenseConfig(config);
  const licenses = new LicenseService({
    facts: stores.licensedFacts,
    store: stores.licenses,
    productCatalog: new LicenseProductCatalog(
      licenseConfig.products,
      stores.licenses,
    ),
    catalog: core.catalog,
    auth: core.auth,
    config: licenseConfig,
    holds: onboardingHolds(hooks),
  });
  hooks.licenseEngine.offer({
    snapshot: () => licenses.snapshot(),
    instanceTypes: licenses.instanceTypes,
  });
  const recomputeCost = licenseCostTrigger(scheduler, logger);
  // Every license write (API or source) passes here: cost is recomputed, checks run again.
  const onLicensesChanged = () => {
    recomputeCost();
    hooks.licensesChanged.announce();
  };
  const sourceOptions = {
    fetcher: core.fileFetcher,
    licenses,
    store: stores.licenses,
    auditor: core.auditor,
    logger,
    onChange: onLicensesChanged,
  };

  return {
    id: 'licenses',
    routes: [
      {
        mount: router =>
          router.use(
            createLicenseRoutes({
              licenses,
              requirePermission: core.requirePermission,
              auditor: core.auditor,
              onLicensesChanged,
            }),
          ),
      },
    ],
    tasks: licenseTasks({
      config: licenseConfig,
      runner: new EntitlementSourceRunner(sourceOptions),
      seatRunner: new SeatSourceRunner(sourceOptions),
      licenses,
      logger,
    }),
  };
};
