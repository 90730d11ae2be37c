// Facts and totals are what the cost store keeps; ingestion produces them.
export type { CostFact, FileTotal } from '../database/CostStore';

/**
 * What the rejected rows of a delivery would have carried, keyed as the file wrote them (an
 * empty key value reads `(empty)`). Absolute sums measure the money at stake: a refund and a
 * charge of the same size do not cancel out.
 */
export interface RejectedTotal {
  billingAccountId: string;
  billingPeriodStart: string;
  currency: string;
  rows: number;
  billedCost: string;
  effectiveCost: string;
  billedCostAbsolute: string;
  effectiveCostAbsolute: string;
  /** Rejected rows whose BilledCost or EffectiveCost cannot be read: their money is unknown. */
  unreadableCostRows: number;
}
