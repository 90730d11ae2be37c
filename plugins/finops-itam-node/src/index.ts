/**
 * Extension points of the finops-itam backend plugin, for modules that extend it.
 *
 * @packageDocumentation
 */
export * from './costSource';
export * from './extensionPoints';
export * from './focusColumns';
