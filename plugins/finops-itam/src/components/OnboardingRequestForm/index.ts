export { OnboardingRequestForm } from './OnboardingRequestForm';
