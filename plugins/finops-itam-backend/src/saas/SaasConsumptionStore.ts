import { SaasConsumptionMatch } from './SaasContractConfig';

/** Consumption of one currency on one day. */
export interface DailyConsumption {
  day: string;
  currency: string;
  amount: string;
}

/** Reads what SaaS contracts consume from the cost facts. */
export interface SaasConsumptionStore {
  /**
   * The amortized cost (`EffectiveCost`) of the cost rows matching `match` in the half-open
   * period `[from, to)`, per day and currency, exact. Unused commitment rows are left out:
   * they are the part of a prepaid credit nobody consumed, not consumption.
   *
   * @param productTag - the tag key whose value `match.productTag` is compared with
   */
  dailyConsumption(
    match: SaasConsumptionMatch,
    productTag: string,
    from: string,
    to: string,
  ): Promise<DailyConsumption[]>;
}
