import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { FinopsItamAnnotationProcessor } from './FinopsItamAnnotationProcessor';
import { FinopsItamLicenseEntityProvider } from './licenses/FinopsItamLicenseEntityProvider';
import { LicenseCatalogClient } from './licenses/LicenseCatalogClient';

const SCHEDULE_KEY = 'catalog.providers.finopsItamLicenses.schedule';

/** Often enough that a new entitlement shows in the catalog within a quarter hour. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 5 },
  // The finops-itam backend loads entitlements shortly after start.
  initialDelay: { seconds: 30 },
};

function readSchedule(config: Config): SchedulerServiceTaskScheduleDefinition {
  return config.has(SCHEDULE_KEY)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(SCHEDULE_KEY),
      )
    : DEFAULT_SCHEDULE;
}

/**
 * Catalog module of the finops-itam suite: validates finops-itam annotations on every
 * entity and emits a `software-license` Resource per licensed product, related to the
 * entities that consume it.
 *
 * @public
 */
export const catalogModuleFinopsItam = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'finops-itam',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, config, scheduler, discovery, auth, logger }) {
        catalog.addProcessor(new FinopsItamAnnotationProcessor());

        const licenses = new FinopsItamLicenseEntityProvider(
          new LicenseCatalogClient(discovery, auth),
          logger,
        );
        catalog.addEntityProvider(licenses);
        await scheduler.scheduleTask({
          id: 'finops-itam-license-entities',
          ...readSchedule(config),
          fn: async () => {
            try {
              const count = await licenses.refresh();
              logger.info(
                `Emitted ${count} software-license Resource entities`,
              );
            } catch (error) {
              // Keep the entities the catalog has; the next run tries again.
              logger.warn(
                `Could not refresh software-license entities: ${error}`,
              );
            }
          },
        });
      },
    });
  },
});
