/**
 * The finops-itam frontend plugin: the ITAM page (onboarding requests, license position,
 * compliance risks, reharvest), Cost and Licenses tabs and the Onboarding card on catalog
 * entity pages, and the team cost card and tab on Group pages. This entry point is
 * for the legacy frontend system; the new frontend system plugin is the default export of
 * `@finops-itam/plugin-finops-itam/alpha`.
 *
 * @packageDocumentation
 */
export {
  finopsItamPlugin,
  FinopsItamPage,
  EntityFinopsItamCostContent,
  EntityFinopsItamLicensesContent,
  EntityFinopsItamOnboardingCard,
  EntityFinopsItamTeamCostCard,
  EntityFinopsItamTeamCostContent,
} from './plugin';
export { isFinopsItamAvailable } from './lib';
export {
  finopsItamApiRef,
  FinopsItamClient,
  OnboardingProblemsError,
} from './api';
export type {
  FinopsItamApi,
  EntityCostOptions,
  OnboardingRequestFilter,
} from './api';
