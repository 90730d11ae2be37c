import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readScheduleWithDefaults } from '../sources/config';
import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { readProductConfig } from './LicenseProductCatalog';
import { PRODUCT_ID } from './productSchema';
import { readInstanceTypeConfig } from './instanceTypeConfig';
import { HostTypeFacts, InstanceTypeSetting } from './instanceTypes';

/** A SkuId or SkuPriceDetails substring that names licensed software, e.g. `sql-ent`. */
export interface SkuProductPattern {
  pattern: string;
  productId: string;
  /** Model of matching rows; when absent, BYOL if a BYOL pattern matches, else license-included. */
  model?: 'byol' | 'license-included';
}

/** How licensed software is recognised in cost data. */
export interface CostDataLicenseSettings {
  productTag: string;
  modelTag: string;
  /** Lowercase substrings of SkuId or SkuPriceDetails that mark a BYOL row. */
  byolPatterns: string[];
  /** Lowercase substrings of SkuId or SkuPriceDetails that mark a license-included row. */
  licenseIncludedPatterns: string[];
  skuProducts: SkuProductPattern[];
  /**
   * Cost data read for licenses: resources billed within this many days of the latest day
   * are listed, and their stops found; `required` is the peak over `evaluationDays` of it.
   */
  windowDays: number;
  /** A resource absent this many days is a reharvest candidate. */
  absentAfterDays: number;
  /** Tag whose value is the id of the dedicated host a VM runs on. */
  hostTag: string;
}

export interface EntitlementSourceConfig {
  id: string;
  location: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** A seat export of one SaaS product, read on a schedule. */
export interface SeatSourceConfig {
  id: string;
  productId: string;
  location: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Everything under `finopsItam.licenses`, checked at start. */
export interface LicenseConfig {
  products: LicenseProduct[];
  entitlementSources: EntitlementSourceConfig[];
  seatSources: SeatSourceConfig[];
  costData: CostDataLicenseSettings;
  instanceTypes: Record<string, InstanceTypeSetting>;
  hostTypes: Record<string, HostTypeFacts>;
  unauthorizedProducts: string[];
  /**
   * `finopsItam.policies.blockedProducts`: products the organisation's policy forbids, shown
   * as compliance risks wherever they run (onboarding refuses them in new requests).
   */
  blockedProducts: string[];
  /** Seats unused this many days are reharvest candidates. */
  inactiveSeatDays: number;
  /**
   * Complete days, up to the latest complete day of cost data, over which a product's
   * required quantity is its highest daily requirement.
   */
  evaluationDays: number;
  costSchedule: SchedulerServiceTaskScheduleDefinition;
}

export const DEFAULT_COST_DATA_SETTINGS: CostDataLicenseSettings = {
  productTag: 'license-product',
  modelTag: 'license-model',
  byolPatterns: ['byol', 'bring your own license', 'hybrid benefit'],
  licenseIncludedPatterns: ['license included', 'license-included'],
  skuProducts: [
    // AWS platform SKUs (`Windows:SQL-Ent`) and pre-installed software in price details
    // (`SQL Ent`, `SQL Enterprise`, `SQL Server Standard`).
    { pattern: 'sql-ent', productId: 'microsoft-sql-server-enterprise' },
    { pattern: 'sql ent', productId: 'microsoft-sql-server-enterprise' },
    { pattern: 'sql server ent', productId: 'microsoft-sql-server-enterprise' },
    { pattern: 'sql-std', productId: 'microsoft-sql-server-standard' },
    { pattern: 'sql std', productId: 'microsoft-sql-server-standard' },
    { pattern: 'sql standard', productId: 'microsoft-sql-server-standard' },
    {
      pattern: 'sql server standard',
      productId: 'microsoft-sql-server-standard',
    },
  ],
  windowDays: 90,
  absentAfterDays: 30,
  hostTag: 'license-host',
};

const SOURCE_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 20 },
};
const COST_SCHEDULE = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 1 },
};

function positiveInteger(
  config: Config,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `${key} must be a whole number of days, at least 1, but is ${value}`,
    );
  }
  return value;
}

function lowercaseList(
  config: Config,
  key: string,
  fallback: string[],
): string[] {
  const list = config.getOptionalStringArray(key);
  return (list ?? fallback).map(s => s.trim().toLowerCase()).filter(Boolean);
}

function readSources(config: Config): EntitlementSourceConfig[] {
  const entries =
    config.getOptionalConfigArray('finopsItam.licenses.entitlementSources') ??
    [];
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const key = `finopsItam.licenses.entitlementSources[${index}]`;
    const id = entry.getString('id');
    if (!PRODUCT_ID.test(id) || id === 'api') {
      throw new Error(
        `${key}.id "${id}" must be lowercase kebab-case (like "contracts") and not "api"`,
      );
    }
    if (seen.has(id)) {
      throw new Error(
        `${key}.id "${id}" is used by another entitlement source`,
      );
    }
    seen.add(id);
    return {
      id,
      location: entry.getString('location').trim(),
      schedule: readScheduleWithDefaults(
        entry.getOptionalConfig('schedule'),
        `${key}.schedule`,
        SOURCE_SCHEDULE,
      ),
    };
  });
}

function readSeatSources(config: Config): SeatSourceConfig[] {
  const entries =
    config.getOptionalConfigArray('finopsItam.licenses.seatSources') ?? [];
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const key = `finopsItam.licenses.seatSources[${index}]`;
    const id = entry.getString('id');
    if (!PRODUCT_ID.test(id)) {
      throw new Error(
        `${key}.id "${id}" must be lowercase kebab-case (like "observability-seats")`,
      );
    }
    if (seen.has(id)) {
      throw new Error(`${key}.id "${id}" is used by another seat source`);
    }
    seen.add(id);
    const productId = entry.getString('productId');
    if (!PRODUCT_ID.test(productId)) {
      throw new Error(
        `${key}.productId "${productId}" is not a lowercase kebab-case product id`,
      );
    }
    return {
      id,
      productId,
      location: entry.getString('location').trim(),
      schedule: readScheduleWithDefaults(
        entry.getOptionalConfig('schedule'),
        `${key}.schedule`,
        SOURCE_SCHEDULE,
      ),
    };
  });
}

function readSkuProducts(config: Config): SkuProductPattern[] {
  const entries = config.getOptionalConfigArray(
    'finopsItam.licenses.costData.skuProducts',
  );
  if (!entries) return DEFAULT_COST_DATA_SETTINGS.skuProducts;
  return entries.map((entry, index) => {
    const key = `finopsItam.licenses.costData.skuProducts[${index}]`;
    const model = entry.getOptionalString('model');
    if (
      model !== undefined &&
      model !== 'byol' &&
      model !== 'license-included'
    ) {
      throw new Error(
        `${key}.model must be byol or license-included, but is "${model}"`,
      );
    }
    return {
      pattern: entry.getString('pattern').trim().toLowerCase(),
      productId: entry.getString('productId'),
      ...(model ? { model } : {}),
    } as SkuProductPattern;
  });
}

/** The evaluation window is part of the cost data read (`costData.windowDays`). */
function readEvaluationDays(config: Config, windowDays: number): number {
  const days = positiveInteger(
    config,
    'finopsItam.licenses.evaluationDays',
    30,
  );
  if (days > windowDays) {
    throw new Error(
      `finopsItam.licenses.evaluationDays (${days}) must not exceed finopsItam.licenses.costData.windowDays (${windowDays}), the cost data read`,
    );
  }
  return days;
}

/** Reads `finopsItam.licenses`, so a mistake stops the backend with the key named. */
export function readLicenseConfig(config: Config): LicenseConfig {
  const d = DEFAULT_COST_DATA_SETTINGS;
  const base = 'finopsItam.licenses.costData';
  const { instanceTypes, hostTypes } = readInstanceTypeConfig(config);
  return {
    products: readProductConfig(config),
    entitlementSources: readSources(config),
    seatSources: readSeatSources(config),
    costData: {
      productTag:
        config.getOptionalString(`${base}.productTag`) ?? d.productTag,
      modelTag: config.getOptionalString(`${base}.modelTag`) ?? d.modelTag,
      byolPatterns: lowercaseList(
        config,
        `${base}.byolPatterns`,
        d.byolPatterns,
      ),
      licenseIncludedPatterns: lowercaseList(
        config,
        `${base}.licenseIncludedPatterns`,
        d.licenseIncludedPatterns,
      ),
      skuProducts: readSkuProducts(config),
      windowDays: positiveInteger(config, `${base}.windowDays`, d.windowDays),
      absentAfterDays: positiveInteger(
        config,
        `${base}.absentAfterDays`,
        d.absentAfterDays,
      ),
      hostTag: config.getOptionalString(`${base}.hostTag`) ?? d.hostTag,
    },
    instanceTypes,
    hostTypes,
    unauthorizedProducts:
      config.getOptionalStringArray(
        'finopsItam.licenses.unauthorizedProducts',
      ) ?? [],
    blockedProducts:
      config.getOptionalStringArray('finopsItam.policies.blockedProducts') ??
      [],
    inactiveSeatDays: positiveInteger(
      config,
      'finopsItam.licenses.inactiveSeatDays',
      90,
    ),
    evaluationDays: readEvaluationDays(
      config,
      positiveInteger(config, `${base}.windowDays`, d.windowDays),
    ),
    costSchedule: readScheduleWithDefaults(
      config.getOptionalConfig('finopsItam.licenses.costSchedule'),
      'finopsItam.licenses.costSchedule',
      COST_SCHEDULE,
    ),
  };
}
