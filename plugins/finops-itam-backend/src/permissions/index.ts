export {
  createRequirePermission,
  type EntityResource,
  type RequirePermission,
} from './requirePermission';
export { requireEntityCostRead } from './requireEntityCostRead';
