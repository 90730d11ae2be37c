export { OnboardingRequestDetail } from './OnboardingRequestDetail';
