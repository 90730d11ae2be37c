export { CheckList } from './CheckList';
export { CheckStatus } from './CheckStatus';
export * from './onboardingLabels';
