export {
  createRequirePermission,
  type EntityResource,
  type RequirePermission,
} from './requirePermission';
