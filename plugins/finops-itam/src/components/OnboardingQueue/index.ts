export { OnboardingQueue } from './OnboardingQueue';
export { queueOrder, checkCounts } from './queueOrder';
