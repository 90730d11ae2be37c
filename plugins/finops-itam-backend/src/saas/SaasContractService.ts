import {
  SaasContract,
  SaasContractsResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { SumMap } from '../money';
import { consumptionWindow, drawdown } from './drawdown';
import { SaasConsumptionStore } from './SaasConsumptionStore';
import { SaasConsumptionMatch, SaasContractConfig } from './SaasContractConfig';

/** Where a contract's consumption comes from, in words for the page. */
export function describeMatch(match: SaasConsumptionMatch): string {
  const parts = [
    match.publisherName && `publisher "${match.publisherName}"`,
    match.serviceName && `service "${match.serviceName}"`,
    match.productTag && `license product tag "${match.productTag}"`,
    match.chargeCategory && `charge category "${match.chargeCategory}"`,
  ].filter(Boolean);
  return `amortized cost of cost rows with ${parts.join(
    ', ',
  )} (unused commitment left out)`;
}

/**
 * The SaaS contracts of `finopsItam.saas.contracts` at a day: each one's consumption read
 * from matching cost rows in its own currency, then drawn down month by month.
 */
export class SaasContractService {
  constructor(
    private readonly options: {
      contracts: SaasContractConfig[];
      store: SaasConsumptionStore;
      /** The license product tag key (`finopsItam.licenses.costData.productTag`). */
      productTag: string;
    },
  ) {}

  async list(asOf: string): Promise<SaasContractsResponse> {
    const items = await Promise.all(
      this.options.contracts.map(contract => this.contractAt(contract, asOf)),
    );
    return { asOf, items: items.sort((a, b) => a.id.localeCompare(b.id)) };
  }

  private async contractAt(
    contract: SaasContractConfig,
    asOf: string,
  ): Promise<SaasContract> {
    const window = consumptionWindow(contract, asOf);
    const daily = window
      ? await this.options.store.dailyConsumption(
          contract.match,
          this.options.productTag,
          window.from,
          window.to,
        )
      : [];
    const byMonth = new SumMap();
    const otherCurrencies = new SumMap();
    for (const { day, currency, amount } of daily) {
      if (currency === contract.currency) {
        byMonth.add(day.slice(0, 7), amount);
      } else {
        otherCurrencies.add(currency, amount);
      }
    }
    const result = drawdown(
      contract,
      new Map(byMonth.entries().map(([month, sum]) => [month, sum.toString()])),
      asOf,
    );
    // Currencies are never converted: matching cost in another currency is named, not drawn.
    const ignored = otherCurrencies
      .entries()
      .map(([currency, sum]) => `${sum.toString()} ${currency}`);
    const message =
      ignored.length === 0
        ? result.message
        : `${
            result.message
          } Matching cost in other currencies is not drawn down: ${ignored.join(
            ', ',
          )}.`;
    return {
      id: contract.id,
      title: contract.title,
      vendor: contract.vendor,
      kind: contract.kind,
      currency: contract.currency,
      start: contract.start,
      end: contract.end,
      ownerRef: contract.ownerRef,
      productId: contract.productId,
      committed: contract.committed,
      contractedMonthlyRunRate: contract.contractedMonthlyRunRate,
      ...result,
      message,
      source: describeMatch(contract.match),
    };
  }
}
