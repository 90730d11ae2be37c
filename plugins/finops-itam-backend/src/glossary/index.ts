/**
 * The shared FinOps and ITAM vocabulary: shipped definitions with their sources, extended
 * or overridden by `finopsItam.glossary`, looked up by id, name or alias.
 */
export { Glossary, glossaryKey } from './Glossary';
export type { GlossarySource, GlossaryTerm } from './GlossaryTerm';
export { SHIPPED_GLOSSARY } from './shippedGlossary';
export { readGlossary } from './glossaryConfig';
