export {
  createRequirePermission,
  type EntityResource,
  type EntityRollups,
  type EveryEntity,
  type RequirePermission,
} from './requirePermission';
export { requireEntityCostRead } from './requireEntityCostRead';
export { requireCostOfEveryEntity } from './requireCostOfEveryEntity';
export { readableCost } from './readableCost';
export { readableIngestionReports } from './readableIngestionReports';
