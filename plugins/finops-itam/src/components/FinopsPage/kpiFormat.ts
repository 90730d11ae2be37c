import { Decimal } from 'decimal.js';
import { Kpi } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatQuantity, percentText } from '../../lib';

/**
 * Display of the backend's KPIs, which are exact ratios as decimal strings. They are shown
 * as percentages with one decimal, computed with decimal.js so that the figure on screen is
 * the API's value rounded half up, never a float's approximation of it. The e2e test rounds
 * the API's value the same way; keep them in step.
 */

/** `23.5%` for `"0.2345"`; `—` when the KPI has no value (its denominator is zero). */
export function kpiPercent(value: string | null): string {
  if (value === null) return '—';
  return `${percentText(new Decimal(value).times(100))}%`;
}

/** Whether a KPI left out some cost because a needed column was unknown on its rows. */
export function hasNotCovered(kpi: Kpi): boolean {
  return !new Decimal(kpi.notCovered).isZero();
}

/** `$120.00 of $512.00` for a KPI summed in money. */
export function kpiFraction(kpi: Kpi, currency: string): string {
  return `${formatAmount(kpi.numerator, currency)} of ${formatAmount(
    kpi.denominator,
    currency,
  )}`;
}

/** `720 of 744 Hours` for a KPI summed in commitment quantities. */
export function kpiQuantityFraction(kpi: Kpi, unit: string | null): string {
  const suffix = unit ? ` ${unit}` : '';
  return `${formatQuantity(kpi.numerator)} of ${formatQuantity(
    kpi.denominator,
  )}${suffix}`;
}

/** FinOps Foundation maturity of allocation coverage (domain §3): ≥ 80 % Crawl, ≥ 90 % Run. */
export type AllocationMaturity = 'below-crawl' | 'crawl' | 'run';

export const MATURITY_LABELS: Record<AllocationMaturity, string> = {
  'below-crawl': 'Below Crawl',
  crawl: 'Crawl',
  run: 'Run',
};

export const MATURITY_EXPLANATIONS: Record<AllocationMaturity, string> = {
  'below-crawl':
    'Less than 80 % of cost is allocated: below the FinOps Foundation Crawl target.',
  crawl:
    'At least 80 % of cost is allocated (the Crawl target); Run asks for 90 %.',
  run: 'At least 90 % of cost is allocated: the FinOps Foundation Run target.',
};

/**
 * The maturity band of an allocation coverage ratio, decided exactly (89.995 % is not Run);
 * undefined when there is no cost to allocate.
 */
export function allocationMaturity(
  ratio: string | null,
): AllocationMaturity | undefined {
  if (ratio === null) return undefined;
  const value = new Decimal(ratio);
  if (value.greaterThanOrEqualTo('0.9')) return 'run';
  if (value.greaterThanOrEqualTo('0.8')) return 'crawl';
  return 'below-crawl';
}

/** The band of a coverage the allocation API sends as a percent number with two decimals. */
export function allocationMaturityOfPercent(
  percent: number | null,
): AllocationMaturity | undefined {
  return percent === null
    ? undefined
    : allocationMaturity(new Decimal(percent).dividedBy(100).toString());
}
