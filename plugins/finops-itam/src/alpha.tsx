/**
 * The finops-itam plugin for the new frontend system.
 *
 * @packageDocumentation
 */
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  OverridableFrontendPlugin,
  PageBlueprint,
  RouteRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FINOPS_ITAM_PLUGIN_ID } from '@finops-itam/plugin-finops-itam-common';
import { FinopsItamClient, finopsItamApiRef } from './api';
import AssignmentTurnedIn from '@material-ui/icons/AssignmentTurnedIn';
import AccountBalanceWallet from '@material-ui/icons/AccountBalanceWallet';
import TrendingUp from '@material-ui/icons/TrendingUp';
import {
  budgetsRouteRef,
  costRouteRef,
  finopsRouteRef,
  groupBudgetsRouteRef,
  itamRouteRef,
  licensesRouteRef,
  teamCostRouteRef,
} from './routes';

const finopsItamApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: finopsItamApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FinopsItamClient({ discoveryApi, fetchApi }),
    }),
});

// With a title and an icon the app's nav picks the page up as the sidebar item "ITAM".
const itamPage = PageBlueprint.make({
  name: 'itam',
  params: {
    path: '/finops-itam/itam',
    title: 'ITAM',
    icon: <AssignmentTurnedIn fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(itamRouteRef),
    loader: () => import('./components/ItamPage').then(m => <m.ItamPage />),
  },
});

// In the sidebar as "Budgets", like the ITAM page.
const budgetsPage = PageBlueprint.make({
  name: 'budgets',
  params: {
    path: '/finops-itam/budgets',
    title: 'Budgets',
    icon: <AccountBalanceWallet fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(budgetsRouteRef),
    loader: () =>
      import('./components/BudgetsPage').then(m => <m.BudgetsPage />),
  },
});

// In the sidebar as "FinOps", like the ITAM and Budgets pages.
const finopsPage = PageBlueprint.make({
  name: 'finops',
  params: {
    path: '/finops-itam/finops',
    title: 'FinOps',
    icon: <TrendingUp fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(finopsRouteRef),
    loader: () => import('./components/FinopsPage').then(m => <m.FinopsPage />),
  },
});

const entityCostContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: 'cost',
    title: 'Cost',
    routeRef: convertLegacyRouteRef(costRouteRef),
    filter: { kind: { $in: ['component', 'resource', 'system'] } },
    loader: () =>
      import('./components/EntityCostContent').then(m => (
        <m.EntityCostContent />
      )),
  },
});

const entityLicensesContent = EntityContentBlueprint.make({
  name: 'licenses',
  params: {
    path: 'licenses',
    title: 'Licenses',
    routeRef: convertLegacyRouteRef(licensesRouteRef),
    filter: { kind: { $in: ['component', 'resource', 'system'] } },
    loader: () =>
      import('./components/EntityLicensesContent').then(m => (
        <m.EntityLicensesContent />
      )),
  },
});

const entityOnboardingCard = EntityCardBlueprint.make({
  name: 'onboarding',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityOnboardingCard').then(m => (
        <m.EntityOnboardingCard />
      )),
  },
});

// The team parts go on Group pages only: a team's cost is the sum of what it owns, which
// the Cost tab of a Component, Resource or System does not show.
const entityTeamCostContent = EntityContentBlueprint.make({
  name: 'team-cost',
  params: {
    // Not "cost": that path belongs to the Cost tab of the entities a team owns.
    path: 'team-cost',
    title: 'Cost',
    routeRef: convertLegacyRouteRef(teamCostRouteRef),
    filter: { kind: 'group' },
    loader: () =>
      import('./components/TeamCostContent').then(m => (
        <m.EntityTeamCostContent />
      )),
  },
});

const entityTeamCostCard = EntityCardBlueprint.make({
  name: 'team-cost',
  params: {
    // Beside the group profile, in the side column of the Group overview.
    type: 'info',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/TeamCostCard').then(m => <m.EntityTeamCostCard />),
  },
});

const entityGroupBudgetsContent = EntityContentBlueprint.make({
  name: 'group-budgets',
  params: {
    path: 'budgets',
    title: 'Budgets',
    routeRef: convertLegacyRouteRef(groupBudgetsRouteRef),
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupBudgets').then(m => (
        <m.EntityGroupBudgetsContent />
      )),
  },
});

const entityGroupBudgetCard = EntityCardBlueprint.make({
  name: 'group-budget',
  params: {
    // Beside the team cost card, in the side column of the Group overview.
    type: 'info',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupBudgets').then(m => (
        <m.EntityGroupBudgetCard />
      )),
  },
});

/**
 * Extensions of the finops-itam plugin, by id.
 *
 * @alpha
 */
export type FinopsItamPluginExtensions = {
  'api:finops-itam': ReturnType<typeof ApiBlueprint.make>;
  'page:finops-itam/itam': ReturnType<typeof PageBlueprint.make>;
  'page:finops-itam/budgets': ReturnType<typeof PageBlueprint.make>;
  'page:finops-itam/finops': ReturnType<typeof PageBlueprint.make>;
  'entity-content:finops-itam/cost': ReturnType<
    typeof EntityContentBlueprint.make
  >;
  'entity-content:finops-itam/licenses': ReturnType<
    typeof EntityContentBlueprint.make
  >;
  'entity-card:finops-itam/onboarding': ReturnType<
    typeof EntityCardBlueprint.make
  >;
  'entity-content:finops-itam/team-cost': ReturnType<
    typeof EntityContentBlueprint.make
  >;
  'entity-card:finops-itam/team-cost': ReturnType<
    typeof EntityCardBlueprint.make
  >;
  'entity-content:finops-itam/group-budgets': ReturnType<
    typeof EntityContentBlueprint.make
  >;
  'entity-card:finops-itam/group-budget': ReturnType<
    typeof EntityCardBlueprint.make
  >;
};

// Typed explicitly: the inferred type names the @backstage/filter-predicates copy nested
// under @backstage/frontend-plugin-api, which this package's declarations cannot reference.
/**
 * The finops-itam plugin for the new frontend system: the API client, the ITAM page
 * (`page:finops-itam/itam` at `/finops-itam/itam`, in the sidebar as "ITAM"), the Cost tab
 * (`entity-content:finops-itam/cost`) and the Licenses tab
 * (`entity-content:finops-itam/licenses`) on Components, Resources and Systems, the
 * Onboarding card (`entity-card:finops-itam/onboarding`) on Components, and the team cost
 * tab (`entity-content:finops-itam/team-cost`) and card (`entity-card:finops-itam/team-cost`)
 * on Groups, the Budgets page (`page:finops-itam/budgets` at `/finops-itam/budgets`, in the
 * sidebar as "Budgets") and the Budgets tab (`entity-content:finops-itam/group-budgets`) and
 * Budget card (`entity-card:finops-itam/group-budget`) on Groups, and the FinOps page
 * (`page:finops-itam/finops` at `/finops-itam/finops`, in the sidebar as "FinOps").
 *
 * @alpha
 */
const finopsItamPlugin: OverridableFrontendPlugin<
  {
    cost: RouteRef;
    licenses: RouteRef;
    teamCost: RouteRef;
    itam: RouteRef;
    budgets: RouteRef;
    groupBudgets: RouteRef;
    finops: RouteRef;
  },
  {},
  FinopsItamPluginExtensions
> = createFrontendPlugin({
  pluginId: FINOPS_ITAM_PLUGIN_ID,
  info: { packageJson: () => import('../package.json') },
  extensions: [
    finopsItamApi,
    itamPage,
    entityCostContent,
    entityLicensesContent,
    entityOnboardingCard,
    entityTeamCostContent,
    entityTeamCostCard,
    budgetsPage,
    entityGroupBudgetsContent,
    entityGroupBudgetCard,
    finopsPage,
  ],
  routes: {
    cost: convertLegacyRouteRef(costRouteRef),
    licenses: convertLegacyRouteRef(licensesRouteRef),
    teamCost: convertLegacyRouteRef(teamCostRouteRef),
    itam: convertLegacyRouteRef(itamRouteRef),
    budgets: convertLegacyRouteRef(budgetsRouteRef),
    groupBudgets: convertLegacyRouteRef(groupBudgetsRouteRef),
    finops: convertLegacyRouteRef(finopsRouteRef),
  },
});

export default finopsItamPlugin;
