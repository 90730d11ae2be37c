/**
 * The finops-itam backend plugin: cost, license and onboarding data behind `/api/finops-itam`.
 *
 * @packageDocumentation
 */
export { finopsItamPlugin as default } from './plugin';
