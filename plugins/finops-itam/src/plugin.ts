import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { FINOPS_ITAM_PLUGIN_ID } from '@finops-itam/plugin-finops-itam-common';
import { FinopsItamClient, finopsItamApiRef } from './api';
import {
  budgetsRouteRef,
  costRouteRef,
  finopsRouteRef,
  groupBudgetsRouteRef,
  itamRouteRef,
  licensesRouteRef,
  teamCostRouteRef,
} from './routes';

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
    teamCost: teamCostRouteRef,
    itam: itamRouteRef,
    budgets: budgetsRouteRef,
    groupBudgets: groupBudgetsRouteRef,
    finops: finopsRouteRef,
  },
});

/**
 * The ITAM page: onboarding queue and requests, license position, compliance risks and
 * reharvest. Mount it with `<Route path="/finops-itam/itam" element={<FinopsItamPage />} />`
 * and add a sidebar item for it.
 *
 * @public
 */
export const FinopsItamPage: () => JSX.Element = finopsItamPlugin.provide(
  createRoutableExtension({
    name: 'FinopsItamPage',
    component: () =>
      import('./components/ItamPage').then(m => m.LegacyItamPage),
    mountPoint: itamRouteRef,
  }),
);

/**
 * The Cost tab for an entity page; mount it with `EntityLayout.Route path="/cost"`.
 *
 * @public
 */
export const EntityFinopsItamCostContent: () => JSX.Element =
  finopsItamPlugin.provide(
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
export const EntityFinopsItamLicensesContent: () => JSX.Element =
  finopsItamPlugin.provide(
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
export const EntityFinopsItamOnboardingCard: () => JSX.Element =
  finopsItamPlugin.provide(
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

/**
 * The team cost tab for a Group page: the team's all-in cost over a chosen period and its
 * services ranked by cost and by change, with their unit costs. Mount it with
 * `EntityLayout.Route path="/cost" if={isKind('group')}`.
 *
 * @public
 */
export const EntityFinopsItamTeamCostContent: () => JSX.Element =
  finopsItamPlugin.provide(
    createRoutableExtension({
      name: 'EntityFinopsItamTeamCostContent',
      component: () =>
        import('./components/TeamCostContent').then(
          m => m.EntityTeamCostContent,
        ),
      mountPoint: teamCostRouteRef,
    }),
  );

/**
 * The team cost card for a Group page overview: the last 30 days all-in, the change and the
 * costliest services.
 *
 * @public
 */
export const EntityFinopsItamTeamCostCard: () => JSX.Element =
  finopsItamPlugin.provide(
    createComponentExtension({
      name: 'EntityFinopsItamTeamCostCard',
      component: {
        lazy: () =>
          import('./components/TeamCostCard').then(m => m.EntityTeamCostCard),
      },
    }),
  );

/**
 * The Budgets page: every budget with its status, sortable and exportable as CSV, and the
 * anomalies with filters and status actions. Mount it with
 * `<Route path="/finops-itam/budgets" element={<FinopsItamBudgetsPage />} />` and add a
 * sidebar item for it.
 *
 * @public
 */
export const FinopsItamBudgetsPage: () => JSX.Element =
  finopsItamPlugin.provide(
    createRoutableExtension({
      name: 'FinopsItamBudgetsPage',
      component: () =>
        import('./components/BudgetsPage').then(m => m.LegacyBudgetsPage),
      mountPoint: budgetsRouteRef,
    }),
  );

/**
 * The Budgets tab for a Group page: the team's and its services' budgets; mount it with
 * `EntityLayout.Route path="/budgets"`.
 *
 * @public
 */
export const EntityFinopsItamGroupBudgetsContent: () => JSX.Element =
  finopsItamPlugin.provide(
    createRoutableExtension({
      name: 'EntityFinopsItamGroupBudgetsContent',
      component: () =>
        import('./components/GroupBudgets').then(
          m => m.EntityGroupBudgetsContent,
        ),
      mountPoint: groupBudgetsRouteRef,
    }),
  );

/**
 * The Budget card for a Group page overview: actual, forecast, budget and status.
 *
 * @public
 */
export const EntityFinopsItamGroupBudgetCard: () => JSX.Element =
  finopsItamPlugin.provide(
    createComponentExtension({
      name: 'EntityFinopsItamGroupBudgetCard',
      component: {
        lazy: () =>
          import('./components/GroupBudgets').then(
            m => m.EntityGroupBudgetCard,
          ),
      },
    }),
  );

/**
 * The FinOps page: KPIs (effective savings rate, commitment utilization, coverage and waste,
 * allocation coverage with its maturity band) with their trend and per group, allocation,
 * commitments, marketplace and SaaS, policy compliance, the chargeback export, unit economics,
 * the glossary and the accountability table. Mount it with
 * `<Route path="/finops-itam/finops" element={<FinopsItamFinopsPage />} />` and add a sidebar
 * item for it.
 *
 * @public
 */
export const FinopsItamFinopsPage: () => JSX.Element = finopsItamPlugin.provide(
  createRoutableExtension({
    name: 'FinopsItamFinopsPage',
    component: () =>
      import('./components/FinopsPage').then(m => m.LegacyFinopsPage),
    mountPoint: finopsRouteRef,
  }),
);
