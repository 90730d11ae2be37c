import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * How often the finops-itam catalog module reads licensed products from the
       * finops-itam backend and refreshes their `software-license` Resource entities.
       * Default: every 15 minutes, first 30 seconds after start.
       */
      finopsItamLicenses?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
