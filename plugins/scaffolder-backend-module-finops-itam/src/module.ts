import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createOnboardingRequestAction } from './actions/createOnboardingRequestAction';

/**
 * Scaffolder module of the finops-itam suite: adds the `finops-itam:onboarding:request`
 * action, so a software template can file a workload onboarding request.
 *
 * @public
 */
export const scaffolderModuleFinopsItam = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'finops-itam',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, discovery, auth }) {
        scaffolder.addActions(
          createOnboardingRequestAction({
            discovery,
            auth,
            appBaseUrl: config.getString('app.baseUrl'),
          }),
        );
      },
    });
  },
});
