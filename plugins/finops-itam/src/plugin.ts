import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { FINOPS_ITAM_PLUGIN_ID } from '@finops-itam/plugin-finops-itam-common';
import { FinopsItamClient, finopsItamApiRef } from './api';
import { costRouteRef, licensesRouteRef } from './routes';

/**
 * The finops-itam plugin for the legacy frontend system.
 *
 * @public
 */
export const finopsItamPlugin = createPlugin({
  id: FINOPS_ITAM_PLUGIN_ID,
  apis: [
    createApiFactory({
      api: finopsItamApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FinopsItamClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    cost: costRouteRef,
    licenses: licensesRouteRef,
  },
});

/**
 * The Cost tab for an entity page; mount it with `EntityLayout.Route path="/cost"`.
 *
 * @public
 */
export const EntityFinopsItamCostContent = finopsItamPlugin.provide(
  createRoutableExtension({
    name: 'EntityFinopsItamCostContent',
    component: () =>
      import('./components/EntityCostContent').then(m => m.EntityCostContent),
    mountPoint: costRouteRef,
  }),
);

/**
 * The Licenses tab for an entity page; mount it with `EntityLayout.Route path="/licenses"`.
 *
 * @public
 */
export const EntityFinopsItamLicensesContent = finopsItamPlugin.provide(
  createRoutableExtension({
    name: 'EntityFinopsItamLicensesContent',
    component: () =>
      import('./components/EntityLicensesContent').then(
        m => m.EntityLicensesContent,
      ),
    mountPoint: licensesRouteRef,
  }),
);

/**
 * The Onboarding card for an entity overview page.
 *
 * @public
 */
export const EntityFinopsItamOnboardingCard = finopsItamPlugin.provide(
  createComponentExtension({
    name: 'EntityFinopsItamOnboardingCard',
    component: {
      lazy: () =>
        import('./components/EntityOnboardingCard').then(
          m => m.EntityOnboardingCard,
        ),
    },
  }),
);
