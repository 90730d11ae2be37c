import { Knex } from 'knex';
import { sumAmountsBy } from '../database/sumAmountsBy';
import { COST_FACTS_TABLE } from '../database/tables';
import { SumMap } from '../money';
import { DailyConsumption, SaasConsumptionStore } from './SaasConsumptionStore';
import { SaasConsumptionMatch } from './SaasContractConfig';

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

/** The value of `key` in a fact's tags JSON, trimmed and lowercased; null when absent. */
function tagValue(tags: string | null, key: string): string | null {
  if (!tags) return null;
  try {
    const value = (JSON.parse(tags) as Record<string, unknown>)[key];
    return typeof value === 'string' ? value.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/** SaasConsumptionStore over the plugin database. */
export class DatabaseSaasConsumptionStore implements SaasConsumptionStore {
  constructor(private readonly db: Knex) {}

  async dailyConsumption(
    match: SaasConsumptionMatch,
    productTag: string,
    from: string,
    to: string,
  ): Promise<DailyConsumption[]> {
    const query = this.db(COST_FACTS_TABLE)
      .where('day', '>=', from)
      .andWhere('day', '<', to)
      .andWhere(q =>
        q
          .whereNull('commitment_discount_status')
          .orWhereRaw('LOWER(commitment_discount_status) <> ?', ['unused']),
      );
    // Names are compared case-insensitively: exports differ in casing (domain.md §1).
    const equalIgnoringCase = (column: string, value: string | undefined) => {
      if (value !== undefined) {
        query.andWhereRaw('LOWER(??) = ?', [
          column,
          value.trim().toLowerCase(),
        ]);
      }
    };
    equalIgnoringCase('publisher_name', match.publisherName);
    equalIgnoringCase('service_name', match.serviceName);
    equalIgnoringCase('charge_category', match.chargeCategory);
    const wantedTag = match.productTag?.trim().toLowerCase();
    if (wantedTag !== undefined) {
      // A cheap pre-filter on the JSON text; the tag's value is checked exactly below.
      query.andWhereRaw("LOWER(tags) LIKE ? ESCAPE '\\'", [
        `%"${likeLiteral(productTag.toLowerCase())}"%`,
      ]);
    }

    // Grouped by tags only when a tag decides: otherwise one sum per day and currency.
    const groups: Record<'day' | 'currency' | 'tags', string> = {
      day: 'day',
      currency: 'currency',
      tags: wantedTag !== undefined ? 'tags' : 'currency',
    };
    const rows = await sumAmountsBy(this.db, query, groups, 'effective_cost');
    const sums = new SumMap();
    for (const row of rows) {
      if (
        wantedTag !== undefined &&
        tagValue(row.tags, productTag) !== wantedTag
      ) {
        continue;
      }
      sums.add(`${row.day}\u0000${row.currency}`, row.amount);
    }
    return sums
      .entries()
      .map(([key, sum]) => {
        const [day, currency] = key.split('\u0000');
        return { day, currency, amount: sum.toString() };
      })
      .sort((a, b) =>
        a.day === b.day
          ? a.currency.localeCompare(b.currency)
          : a.day.localeCompare(b.day),
      );
  }
}
