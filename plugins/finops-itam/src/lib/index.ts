export { isFinopsItamAvailable } from './isFinopsItamAvailable';
export { getCostMappings, getDeclaredLicenses } from './annotations';
export type { CostMapping, DeclaredLicenses } from './annotations';
export {
  changeBetween,
  compareDecimals,
  formatAmount,
  formatQuantity,
  formatUnitCost,
  isZeroAmount,
  percentText,
  sumAmounts,
} from './money';
export type { AmountChange } from './money';
export { buildCsv, neutraliseCsvCell } from './csv';
export type { CsvCell } from './csv';
export { downloadTextFile } from './download';
export * from './costPeriod';
