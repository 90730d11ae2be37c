export { GlossaryList } from './GlossaryList';
