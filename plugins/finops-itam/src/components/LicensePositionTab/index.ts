export { LicensePositionTab } from './LicensePositionTab';
export { POSITION_STATUS } from './positionLabels';
