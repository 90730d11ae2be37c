export { isFinopsItamAvailable } from './isFinopsItamAvailable';
export { getCostMappings, getDeclaredLicenses } from './annotations';
export type { CostMapping, DeclaredLicenses } from './annotations';
export {
  changeBetween,
  changeDirection,
  compareDecimals,
  formatAmount,
  formatPercentChange,
  formatQuantity,
  formatSignedAmount,
  formatUnitCost,
  isZeroAmount,
  percentText,
  sumAmounts,
} from './money';
export type { AmountChange, ChangeDirection } from './money';
export { buildCsv, neutraliseCsvCell } from './csv';
export type { CsvCell } from './csv';
export { downloadTextFile } from './download';
export * from './costPeriod';
export { formatTimestamp } from './timestamp';
