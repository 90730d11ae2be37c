export { CostChange } from './CostChange';
export { formatUnitCost } from './formatCost';
export { TeamCostEmpty } from './TeamCostEmpty';
export { TeamCostGate } from './TeamCostGate';
export { TEAM_COST_PERIODS, formatDays, periodLabel } from './teamCostPeriods';
export type { TeamCostPeriod } from './teamCostPeriods';
export { useTeamCost } from './useTeamCost';
export { rankEntities } from './rankEntities';
export type { RankBy, RankDirection } from './rankEntities';
