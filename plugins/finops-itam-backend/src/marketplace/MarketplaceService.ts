import { MarketplaceResponse } from '@finops-itam/plugin-finops-itam-common';
import { MarketplaceChargeStore } from './MarketplaceChargeStore';
import { MarketplaceRules, marketplaceSpend } from './marketplaceSpend';

/** Marketplace spend of a period, from the allocated cost facts and the configured rules. */
export class MarketplaceService {
  constructor(
    private readonly options: {
      store: MarketplaceChargeStore;
      rules: MarketplaceRules;
    },
  ) {}

  async spend(period: {
    from: string;
    to: string;
  }): Promise<MarketplaceResponse> {
    const charges = await this.options.store.marketplaceCharges(
      period.from,
      period.to,
    );
    return marketplaceSpend(charges, this.options.rules, period);
  }
}
