import { Decimal } from 'decimal.js';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { compareDecimals } from '../../lib';

/** The parts the over-time chart stacks, in stacking order (bottom first). */
export const COST_PARTS = [
  { key: 'direct', label: 'Cloud' },
  { key: 'shared', label: 'Shared' },
  { key: 'licenses', label: 'Licenses' },
] as const;

export type CostPartKey = (typeof COST_PARTS)[number]['key'];

/**
 * One bar of the over-time chart. recharts draws numbers, so the amounts are converted for
 * drawing only; every figure a person reads (tooltip, table) comes from the exact strings.
 */
export type PartBar = {
  date: string;
  exact: EntityCostResponse['series'][number];
} & Record<CostPartKey, number>;

export function partBars(series: EntityCostResponse['series']): PartBar[] {
  return series.map(point => ({
    date: point.date,
    direct: Number(point.direct),
    shared: Number(point.shared),
    licenses: Number(point.licenses),
    exact: point,
  }));
}

/** A service category's cost over the whole period. */
export interface CategoryTotal {
  category: string;
  total: string;
  /** For drawing only. */
  value: number;
}

/**
 * Cost per service category over the period, costliest first. The backend has no series
 * per category, so this view sums `byService` (exactly) instead of stacking over time.
 */
export function categoryTotals(
  byService: EntityCostResponse['byService'],
): CategoryTotal[] {
  const sums = new Map<string, Decimal>();
  for (const service of byService) {
    const category = service.serviceCategory ?? 'Uncategorized';
    sums.set(
      category,
      (sums.get(category) ?? new Decimal(0)).plus(service.total),
    );
  }
  return [...sums.entries()]
    .map(([category, sum]) => ({
      category,
      total: sum.toString(),
      value: sum.toNumber(),
    }))
    .sort(
      (a, b) =>
        compareDecimals(b.total, a.total) ||
        a.category.localeCompare(b.category),
    );
}
