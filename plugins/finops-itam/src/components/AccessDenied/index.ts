export { AccessDenied, isForbiddenError } from './AccessDenied';
