/**
 * Scaffolder backend module with the `finops-itam:onboarding:request` action, which files a
 * workload onboarding request with the finops-itam backend from a software template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleFinopsItam as default } from './module';
export { createOnboardingRequestAction } from './actions/createOnboardingRequestAction';
