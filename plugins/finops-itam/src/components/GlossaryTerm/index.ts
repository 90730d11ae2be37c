export { GlossaryTerm } from './GlossaryTerm';
