export { ReharvestTab } from './ReharvestTab';
