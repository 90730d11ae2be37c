export { ItamPage } from './ItamPage';
export { LegacyItamPage } from './LegacyItamPage';
