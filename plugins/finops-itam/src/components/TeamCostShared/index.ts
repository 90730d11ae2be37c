export { CostChange } from './CostChange';
export { TeamCostEmpty } from './TeamCostEmpty';
export { TeamCostGate } from './TeamCostGate';
export { useTeamCost } from './useTeamCost';
export { rankEntities } from './rankEntities';
export type { RankBy } from './rankEntities';
export { OtherCurrencies } from './OtherCurrencies';
