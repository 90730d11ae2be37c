import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createOnboardingRoutes } from '../routes/onboarding';
import { runChecks } from './checks';
import { CheckContextBuilder } from './CheckContextBuilder';
import { onboardingLicenseHolds } from './licenseHolds';
import { readOnboardingConfig } from './onboardingConfig';
import { OnboardingNotifier } from './OnboardingNotifier';
import { OnboardingRechecker } from './OnboardingRechecker';
import { OnboardingService } from './OnboardingService';
import { SerialRuns } from './SerialRuns';

/**
 * Workload onboarding: requests filed before a workload is deployed, checked against
 * licenses, policies and prices, reviewed in the portal; approved ones hold licenses in
 * the position until the workload shows up in cost data. Checks run again when licenses or
 * cost data change and on a schedule, which also fulfils and expires approved requests.
 */
export const createOnboardingFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, stores, hooks } = core;
  const settings = readOnboardingConfig(config);
  const licenseEngine = () => hooks.licenseEngine.get();
  const notifier = new OnboardingNotifier({
    notifications: core.notifications,
    logger,
    reviewers: settings.reviewers,
  });
  const contexts = new CheckContextBuilder({
    licenseEngine,
    policies: settings.policies,
    prices: stores.observedPrices,
  });
  const rechecker = new OnboardingRechecker({
    store: stores.onboarding,
    contexts,
    runChecks,
    licenseEngine,
    regions: settings.regions,
    notifier,
    reservationDays: settings.reservationDays,
    logger,
  });
  const rechecks = new SerialRuns(
    () => rechecker.run(),
    logger,
    'Rechecking onboarding requests',
  );
  const recheckSoon = () => {
    rechecks.trigger();
  };
  hooks.licensesChanged.on(recheckSoon);
  hooks.costDataChanged.on(recheckSoon);
  hooks.onboardingLicenseHolds.offer(onboardingLicenseHolds(stores.onboarding));

  const onboarding = new OnboardingService({
    store: stores.onboarding,
    contexts,
    runChecks,
    licenseEngine,
    regions: settings.regions,
    policies: settings.policies,
    notifier,
    // An approval reserves licenses: other requests' availability changed.
    onApproved: recheckSoon,
  });

  return {
    id: 'onboarding',
    routes: [
      {
        mount: router =>
          router.use(
            createOnboardingRoutes({
              onboarding,
              requirePermission: core.requirePermission,
              auditor: core.auditor,
            }),
          ),
      },
    ],
    tasks: [
      {
        id: 'finops-itam-onboarding-recheck',
        scope: 'global',
        ...settings.schedule,
        fn: () => rechecks.trigger(),
      },
    ],
  };
};
