/**
 * Catalog backend module that validates the finops-itam annotations on entities.
 *
 * @packageDocumentation
 */
export { catalogModuleFinopsItam as default } from './module';
export { FinopsItamAnnotationProcessor } from './FinopsItamAnnotationProcessor';
