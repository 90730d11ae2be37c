export { CompactMessage } from './CompactMessage';
