export { OnboardingDecisionForm } from './OnboardingDecisionForm';
