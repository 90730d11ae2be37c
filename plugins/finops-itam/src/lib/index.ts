export { isFinopsItamAvailable } from './isFinopsItamAvailable';
export { getCostMappings, getDeclaredLicenses } from './annotations';
export type { CostMapping, DeclaredLicenses } from './annotations';
export { compareDecimals, formatAmount, isZeroAmount } from './money';
