import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import finopsItamPlugin from '@finops-itam/plugin-finops-itam/alpha';
import { authModule } from './modules/auth';
import { navModule } from './modules/nav';

export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    // Software templates at /create, such as "Onboard a workload".
    scaffolderPlugin,
    userSettingsPlugin,
    finopsItamPlugin,
    navModule,
    authModule,
  ],
});
