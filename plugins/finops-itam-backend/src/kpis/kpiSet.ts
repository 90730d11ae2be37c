import { allocationCoverage } from './allocationCoverage';
import { CommitmentCoverage, commitmentCoverage } from './commitmentCoverage';
import {
  commitmentUtilization,
  commitmentWaste,
} from './commitmentUtilization';
import {
  EffectiveSavingsRate,
  effectiveSavingsRate,
} from './effectiveSavingsRate';
import { Kpi, KpiRow } from './KpiRow';
import { QuantityUtilization } from './quantityUtilization';

/** Every FinOps KPI of one set of rows of one currency. */
export interface KpiSet {
  effectiveSavingsRate: EffectiveSavingsRate;
  commitmentUtilization: QuantityUtilization;
  commitmentCoverage: CommitmentCoverage;
  commitmentWaste: Kpi;
  allocationCoverage: Kpi;
}

/** Settings the formulas take from configuration. */
export interface KpiOptions {
  /** Service categories whose on-demand cost a commitment could cover (pre-1.4 exports). */
  eligibleServiceCategories: readonly string[];
}

/** All KPIs of rows that share one currency. */
export function kpiSet(rows: readonly KpiRow[], options: KpiOptions): KpiSet {
  return {
    effectiveSavingsRate: effectiveSavingsRate(rows),
    commitmentUtilization: commitmentUtilization(rows),
    commitmentCoverage: commitmentCoverage(
      rows,
      options.eligibleServiceCategories,
    ),
    commitmentWaste: commitmentWaste(rows),
    allocationCoverage: allocationCoverage(rows),
  };
}
