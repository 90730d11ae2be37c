export { AccountabilityTable } from './AccountabilityTable';
export { AccountableFor } from './AccountableFor';
