export { EntityTeamCostContent } from './EntityTeamCostContent';
