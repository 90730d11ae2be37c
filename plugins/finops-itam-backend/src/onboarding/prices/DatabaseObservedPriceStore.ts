import { Knex } from 'knex';
import { COST_FACTS_TABLE, DbCostFactsRow } from '../../database/tables';
import { readInstanceFacts } from '../../licenses/instanceFacts';
import {
  InstanceTypeTable,
  instanceTypeKey,
} from '../../licenses/instanceTypes';
import {
  CostDataLicenseSettings,
  DEFAULT_COST_DATA_SETTINGS,
} from '../../licenses/licenseConfig';
import { normalizeAmount } from '../../money';
import { LicenseIncludedPrice } from '../checks/licenseIncludedPremium';
import { ObservedUnitPrice } from '../checks/types';
import { HourlyPriceGroup } from './HourlyPriceGroup';
import {
  LicenseIncludedGroup,
  licenseIncludedPremiums,
} from './licenseIncludedPremiums';
import {
  LicenseIncludedPriceQuery,
  ObservedPriceQuery,
  ObservedPriceStore,
} from './ObservedPriceStore';
import {
  PriceRow,
  instanceTypeOf,
  licenseIncludedProductsOf,
  priceDetailsOf,
} from './priceRows';
import { canonicalProvider, sameProvider } from './providerNames';

/** Escapes `%`, `_` and `\` so a configured pattern matches literally in LIKE. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

/**
 * A LIKE pattern for an instance type key: `%` and `\` escaped; `_` left as LIKE's
 * any-character, since the key's underscores stand for a space or an underscore in the
 * name (`Standard D4s v5` and `Standard_D4s_v5` are both `d4s_v5`).
 */
const likeKey = (key: string) => key.replace(/[\\%]/g, c => `\\${c}`);

/** Decimal places of a price per hour; the division rarely ends. */
const PRICE_PLACES = 10;

type DbPriceRow = Pick<
  DbCostFactsRow,
  | 'day'
  | 'provider_name'
  | 'region_id'
  | 'resource_id'
  | 'resource_type'
  | 'currency'
  | 'effective_cost'
  | 'consumed_quantity'
  | 'sku_id'
  | 'sku_price_details'
  | 'tags'
>;

/** What the store needs to read licenses and sizes in rows as the license position does. */
export interface ObservedPriceSettings {
  /** `finopsItam.licenses.costData`; the defaults when absent. */
  licenseDetection?: CostDataLicenseSettings;
  /** The license engine's instance types (vCPUs per type); the shipped ones when absent. */
  instanceTypes?: InstanceTypeTable;
}

/**
 * Observed prices over the cost facts: the effective cost per instance-hour
 * (Σ EffectiveCost / Σ ConsumedQuantity) of the Usage rows of an instance type, per region
 * and currency, so the discounts and commitments the organisation gets are in the price
 * (unused commitments left out). The instance type is read from SkuPriceDetails
 * (`InstanceType`, `x_InstanceType`) and licensed software as the license position detects
 * it: rows whose price includes a license set the license-included premium, not the
 * instance price. See {@link HourlyPriceGroup} for how hours are told from other units.
 */
export class DatabaseObservedPriceStore implements ObservedPriceStore {
  private readonly detection: CostDataLicenseSettings;
  private readonly instanceTypes: InstanceTypeTable;

  constructor(private readonly db: Knex, settings: ObservedPriceSettings = {}) {
    this.detection = settings.licenseDetection ?? DEFAULT_COST_DATA_SETTINGS;
    this.instanceTypes = settings.instanceTypes ?? new InstanceTypeTable();
  }

  async recentPrices(query: ObservedPriceQuery): Promise<ObservedUnitPrice[]> {
    const wanted = query.instanceTypes.map(t => ({
      ...t,
      key: instanceTypeKey(t.instanceType),
    }));
    const rows = await this.rowsOfTypes(
      wanted.map(w => w.key),
      query.from,
      query.to,
    );
    const groups = new Map<
      string,
      {
        provider: string;
        instanceType: string;
        region: string | null;
        currency: string;
        rows: HourlyPriceGroup;
        licensed: number;
      }
    >();
    for (const row of rows) {
      const type = instanceTypeOf(row);
      if (!type) continue;
      const key = instanceTypeKey(type);
      for (const w of wanted) {
        if (w.key !== key || !sameProvider(w.provider, row.providerName))
          continue;
        const id = JSON.stringify([
          w.provider,
          w.instanceType,
          row.regionId,
          row.currency,
        ]);
        const group = groups.get(id) ?? {
          provider: w.provider,
          instanceType: w.instanceType,
          region: row.regionId,
          currency: row.currency,
          rows: new HourlyPriceGroup(),
          licensed: 0,
        };
        groups.set(id, group);
        if (licenseIncludedProductsOf(row, this.detection).length > 0) {
          group.licensed += 1;
        } else {
          group.rows.add(row);
        }
      }
    }
    return [...groups.values()].flatMap(g => {
      const perHour = g.rows.perHour();
      if (!perHour) return [];
      const licensed =
        g.licensed > 0
          ? `; ${g.licensed} license-included row${
              g.licensed === 1 ? '' : 's'
            } left out`
          : '';
      return [
        {
          provider: g.provider,
          instanceType: g.instanceType,
          region: g.region,
          perHour: perHour.toDecimalPlaces(PRICE_PLACES).toFixed(),
          currency: g.currency,
          basis: `${g.rows.describe(
            g.currency,
          )} (ConsumedQuantity taken as hours: no resource above 24 a day${licensed})`,
        },
      ];
    });
  }

  async licenseIncludedPrices(
    query: LicenseIncludedPriceQuery,
  ): Promise<LicenseIncludedPrice[]> {
    const products = new Set(query.productIds);
    if (products.size === 0) return [];
    const licensedRows = await this.usageRows(query.from, query.to, q => {
      q.whereRaw("tags LIKE ? ESCAPE '\\'", [
        `%"${likeLiteral(this.detection.productTag)}"%`,
      ]);
      for (const sku of this.detection.skuProducts) {
        if (!products.has(sku.productId)) continue;
        const like = `%${likeLiteral(sku.pattern)}%`;
        q.orWhereRaw("LOWER(sku_id) LIKE ? ESCAPE '\\'", [like]).orWhereRaw(
          "LOWER(sku_price_details) LIKE ? ESCAPE '\\'",
          [like],
        );
      }
    });
    const groups = new Map<string, LicenseIncludedGroup>();
    for (const row of licensedRows) {
      // A price that includes several licenses says nothing about one of them.
      const included = licenseIncludedProductsOf(row, this.detection);
      if (included.length !== 1 || !products.has(included[0])) continue;
      const type = instanceTypeOf(row);
      const facts = readInstanceFacts(
        priceDetailsOf(row),
        row.resourceType,
        this.instanceTypes,
      );
      if (!type || facts.isHost || facts.vcpus === null || !row.providerName)
        continue;
      const id = JSON.stringify([
        included[0],
        canonicalProvider(row.providerName),
        instanceTypeKey(type),
        facts.vcpus,
        row.regionId,
        row.currency,
      ]);
      const group = groups.get(id) ?? {
        productId: included[0],
        provider: row.providerName,
        instanceType: type,
        vcpus: facts.vcpus,
        region: row.regionId,
        currency: row.currency,
        rows: new HourlyPriceGroup(),
      };
      group.rows.add(row);
      groups.set(id, group);
    }
    if (groups.size === 0) return [];
    const plain = await this.plainGroups(
      [...groups.values()].map(g => instanceTypeKey(g.instanceType)),
      query.from,
      query.to,
    );
    return licenseIncludedPremiums([...groups.values()], (p, t, r, c) =>
      plain.get(
        JSON.stringify([canonicalProvider(p), instanceTypeKey(t), r, c]),
      ),
    );
  }

  /** Rows without any license included, per provider, instance type, region and currency. */
  private async plainGroups(typeKeys: string[], from: string, to: string) {
    const groups = new Map<string, HourlyPriceGroup>();
    for (const row of await this.rowsOfTypes(typeKeys, from, to)) {
      const type = instanceTypeOf(row);
      if (!type || !row.providerName) continue;
      if (licenseIncludedProductsOf(row, this.detection).length > 0) continue;
      const id = JSON.stringify([
        canonicalProvider(row.providerName),
        instanceTypeKey(type),
        row.regionId,
        row.currency,
      ]);
      groups.set(id, (groups.get(id) ?? new HourlyPriceGroup()).add(row));
    }
    return groups;
  }

  /** Usage rows whose price details may name one of the types (matched exactly by the caller). */
  private rowsOfTypes(typeKeys: string[], from: string, to: string) {
    const keys = [...new Set(typeKeys)].filter(k => k !== '');
    if (keys.length === 0) return Promise.resolve([]);
    return this.usageRows(from, to, q => {
      for (const key of keys) {
        q.orWhereRaw("LOWER(sku_price_details) LIKE ? ESCAPE '\\'", [
          `%${likeKey(key)}%`,
        ]);
      }
    });
  }

  /** Usage rows of the days (`to` exclusive) that `filter` keeps, unused commitments left out. */
  private async usageRows(
    from: string,
    to: string,
    filter: (q: Knex.QueryBuilder) => void,
  ): Promise<PriceRow[]> {
    const rows: DbPriceRow[] = await this.db(COST_FACTS_TABLE)
      .select(
        'day',
        'provider_name',
        'region_id',
        'resource_id',
        'resource_type',
        'currency',
        'effective_cost',
        'consumed_quantity',
        'sku_id',
        'sku_price_details',
        'tags',
      )
      .where('charge_category', 'Usage')
      .andWhere('day', '>=', from)
      .andWhere('day', '<', to)
      .andWhere(q =>
        q
          .whereNull('commitment_discount_status')
          .orWhereNot('commitment_discount_status', 'Unused'),
      )
      .andWhere(filter);
    return rows.map(row => ({
      day: row.day,
      providerName: row.provider_name,
      regionId: row.region_id,
      resourceId: row.resource_id,
      resourceType: row.resource_type,
      currency: row.currency,
      effectiveCost: normalizeAmount(row.effective_cost),
      consumedQuantity: normalizeAmount(row.consumed_quantity),
      skuId: row.sku_id,
      skuPriceDetails: row.sku_price_details,
      tags: row.tags,
    }));
  }
}
