import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { createLicenseRoutes } from '../routes/licenses';
import { EntitlementSourceRunner } from './EntitlementSourceRunner';
import { readLicenseConfig } from './licenseConfig';
import { LicenseProductCatalog } from './LicenseProductCatalog';
import { LicenseService } from './LicenseService';
import { licenseCostTrigger, licenseTasks } from './licenseTasks';
import { SeatSourceRunner } from './SeatSourceRunner';

/**
 * Software licenses: products, entitlements and seats (by API or scheduled sources), the
 * license position, reharvest candidates, and the daily license cost task, which runs again
 * after every license write.
 */
export const createLicensesFeature: FinopsItamFeatureFactory = core => {
  const { config, logger, scheduler, stores } = core;
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
  });
  const onLicensesChanged = licenseCostTrigger(scheduler, logger);
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
