/**
 * Types, schemas, permissions and annotation keys shared by the finops-itam plugin suite.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './health';
export * from './annotationParsers';
export * from './licenses';
export * from './schema/openapi/generated';
