/**
 * Which cost rows a contract's consumption is read from. Every given field must match
 * (case-insensitively); at least one of the first three is given.
 */
export interface SaasConsumptionMatch {
  /** FOCUS `PublisherName` (1.3: `ServiceProviderName`), the seller, e.g. `Lumenwatch`. */
  publisherName?: string;
  /** FOCUS `ServiceName`. */
  serviceName?: string;
  /** The value of the license product tag (`finopsItam.licenses.costData.productTag`). */
  productTag?: string;
  /** FOCUS `ChargeCategory` (`Usage`, `Purchase`…), to tell a seat fee from metered use. */
  chargeCategory?: string;
}

/** One contract of `finopsItam.saas.contracts`, checked at start-up. */
export interface SaasContractConfig {
  id: string;
  title: string;
  vendor: string;
  kind: 'prepaid' | 'consumption';
  /** ISO 4217; only cost rows in this currency draw the contract down. */
  currency: string;
  /** First day of the contract, `YYYY-MM-DD`. */
  start: string;
  /** Last day of the contract (inclusive), `YYYY-MM-DD`. */
  end: string;
  /** The prepaid amount (prepaid contracts only), an exact decimal string. */
  committed: string | null;
  /** What a consumption-based contract expects per month, an exact decimal string. */
  contractedMonthlyRunRate: string | null;
  /** Lowercase entity ref of the owning group, when given. */
  ownerRef: string | null;
  productId: string | null;
  match: SaasConsumptionMatch;
}
