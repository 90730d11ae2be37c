export { FinopsPage } from './FinopsPage';
export { LegacyFinopsPage } from './LegacyFinopsPage';
