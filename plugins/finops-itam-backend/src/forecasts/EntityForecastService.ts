import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { addDays } from '../licenses/days';
import { ExactSum } from '../money';
import { AllInForecast, addKnownAmounts } from './addKnownAmounts';
import { dayRange } from './dayRange';
import { LicenseAmountsByEntity, LicenseFacts } from './entityLicenseAmounts';
import { forecastCost } from './forecastCost';
import {
  ApprovedReservation,
  KnownLicenseAmount,
  UnpricedLicenseChange,
} from './knownLicenseAmounts';
import { ActualCost, horizonTo, outlookHorizon } from './projectPeriod';
import { CostForecast, DailyAmount } from './types';

/** Days of history read for the cloud model (it fits on the last 52 weeks of them). */
export const FORECAST_HISTORY_DAYS = 400;
/** Months `GET .../forecast` projects: this month and the next 12. */
export const OUTLOOK_MONTHS = 13;
/** Days `GET .../forecast` lists day by day. */
export const FORECAST_LIST_DAYS = 90;

/** One entity's forecast: the cloud model, its license part, and the actual days it follows. */
export interface EntityForecast {
  entityRef: string;
  /** The entity's main currency; null when it has no cost and no license amounts. */
  currency: string | null;
  /** Currencies with cost that the forecast leaves out (never converted). */
  otherCurrencies: string[];
  /** The last complete day of cost data; the forecast starts the day after. */
  through: string;
  /** All-in actual cost per day of the history, in `currency`. */
  actual: ActualCost;
  /** Cloud part (direct + shared) from the model. */
  cloud: CostForecast;
  /** Cloud part plus the entity's known license amounts. */
  allIn: AllInForecast;
  /** Only the known license amounts (a zero cloud part), for `licenses` budgets. */
  licensesOnly: AllInForecast;
  /** The entity's share of the known license amounts in the forecast days (amortized). */
  licenseAmounts: KnownLicenseAmount[];
  /** The same amounts on the days they are paid: renewals, true-ups and reservations as events. */
  licensePayments: KnownLicenseAmount[];
  unpriced: UnpricedLicenseChange[];
}

export interface EntityForecastServiceOptions {
  /** An entity's cost answer (throws NotFoundError for an entity the catalog lacks). */
  entityCost(
    ref: CompoundEntityRef,
    period: { from: string; to: string },
  ): Promise<EntityCostResponse>;
  /** Entitlements, position and consumptions; undefined without a license engine. */
  licenseFacts(): Promise<LicenseFacts | undefined>;
  /** Reservations of approved onboarding requests, with the day they start. */
  reservations(): Promise<ApprovedReservation[]>;
  /** Every entity whose cost `entityRef` includes, itself among them. */
  rollupMembersOf(entityRef: string): Promise<string[]>;
  /** The latest day of any cost fact, or null without cost data. */
  latestCostDay(): Promise<string | null>;
  /** Rises whenever cost answers change; the cache follows it. */
  costDataVersion(): Promise<string>;
  /** Splits the known license amounts between all entities (see `licenseAmountsByEntity`). */
  splitLicenseAmounts(
    facts: LicenseFacts,
    reservations: readonly ApprovedReservation[],
    from: string,
    to: string,
    basis: 'billed' | 'amortized',
  ): LicenseAmountsByEntity;
  now?: () => Date;
  /** Forecasts kept, per entity and horizon; default 256. */
  cacheSize?: number;
  /** How long a forecast is served without checking license changes; default 5 minutes. */
  cacheTtlMs?: number;
}

interface Cached {
  key: string;
  at: number;
  forecast: Promise<EntityForecast>;
}

/**
 * Builds an entity's all-in forecast from its cost answer and the license engine: the daily
 * cloud cost (direct + shared) of the last 400 days goes to the Holt-Winters model; the
 * license part is not extrapolated but taken from entitlements (terms, renewals, true-ups,
 * reservations), the entity's share by its consumption (`licenseAmountsByEntity`), summed
 * over the entities its cost rolls up. The model is fitted without the history's license
 * cost, which the known amounts replace, so it is never counted twice.
 *
 * Forecasts are cached per entity, horizon and cost data version for a few minutes (license
 * changes are not versioned, so the TTL bounds how long they wait): the budget alert run and
 * a page's budget and forecast views ask for the same entity in a row.
 */
export class EntityForecastService {
  readonly #cache = new Map<string, Cached>();
  readonly #licenseSplits = new Map<
    'billed' | 'amortized',
    { key: string; facts: LicenseFacts; result: LicenseAmountsByEntity }
  >();

  constructor(private readonly options: EntityForecastServiceOptions) {}

  /** The last complete day of cost data: yesterday, or the latest day with cost if earlier. */
  async through(): Promise<string> {
    const now = this.options.now?.() ?? new Date();
    const yesterday = addDays(now.toISOString().slice(0, 10), -1);
    const latest = await this.options.latestCostDay();
    return latest && latest < yesterday ? latest : yesterday;
  }

  /**
   * The forecast from the day after `through` to the end of the 13-month outlook, or to
   * `until` when that is later (a budget period ending further out).
   */
  async forecast(
    ref: CompoundEntityRef,
    options: { until?: string } = {},
  ): Promise<EntityForecast> {
    const through = await this.through();
    const first = addDays(through, 1);
    const horizon = Math.max(
      FORECAST_LIST_DAYS,
      outlookHorizon(first, OUTLOOK_MONTHS),
      options.until ? horizonTo(first, options.until) : 0,
    );
    const entityRef =
      `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
    const version = await this.options.costDataVersion();
    const key = `${version}|${through}|${horizon}`;
    const now = Date.now();
    const ttl = this.options.cacheTtlMs ?? 5 * 60_000;
    const hit = this.#cache.get(entityRef);
    if (hit && hit.key === key && now - hit.at < ttl) return hit.forecast;

    const forecast = this.compute(ref, entityRef, through, horizon);
    this.#cache.delete(entityRef);
    this.#cache.set(entityRef, { key, at: now, forecast });
    // A failed forecast is not kept.
    forecast.catch(() => {
      if (this.#cache.get(entityRef)?.forecast === forecast) {
        this.#cache.delete(entityRef);
      }
    });
    const size = this.options.cacheSize ?? 256;
    while (this.#cache.size > size) {
      this.#cache.delete(this.#cache.keys().next().value!);
    }
    return forecast;
  }

  private async compute(
    ref: CompoundEntityRef,
    entityRef: string,
    through: string,
    horizon: number,
  ): Promise<EntityForecast> {
    const first = addDays(through, 1);
    const last = addDays(first, horizon - 1);
    const [cost, license, payments, members] = await Promise.all([
      this.options.entityCost(ref, {
        from: addDays(through, -(FORECAST_HISTORY_DAYS - 1)),
        to: first,
      }),
      this.licenseSplit(first, last, 'amortized'),
      this.licenseSplit(first, last, 'billed'),
      this.options.rollupMembersOf(entityRef),
    ]);
    const memberSet = new Set([entityRef, ...members]);
    const licenseAmounts = license.amountsFor(memberSet);
    const licensePayments = payments.amountsFor(memberSet);
    const currency = cost.currency ?? licenseAmounts[0]?.currency ?? null;
    const otherCurrencies = (cost.otherCurrencies ?? []).map(o => o.currency);

    const actualDays: DailyAmount[] = [];
    const cloudDays: DailyAmount[] = [];
    let started = false;
    for (const point of cost.series) {
      // Days before the entity's first cost are not history: the model would read them as
      // zero-cost days and pull its level down.
      started = started || point.total !== '0';
      if (!started) continue;
      actualDays.push({ day: point.date, amount: point.total });
      cloudDays.push({
        day: point.date,
        amount: new ExactSum().add(point.direct).add(point.shared).toString(),
      });
    }
    const forecastCurrency = currency ?? 'USD';
    const modelled = forecastCost(
      {
        currency: forecastCurrency,
        days: cloudDays,
        absentDays: 'zero-cost',
        to: through,
      },
      horizon,
    );
    const cloud =
      modelled.days.length > 0
        ? modelled
        : zeroForecast(forecastCurrency, first, horizon);
    const allIn = addKnownAmounts(cloud, licenseAmounts);
    const licensesOnly = addKnownAmounts(
      zeroForecast(forecastCurrency, first, horizon),
      licenseAmounts,
    );
    return {
      entityRef,
      currency,
      otherCurrencies: [
        ...new Set([
          ...otherCurrencies,
          ...allIn.notAdded
            .filter(n => n.why === 'other-currency')
            .map(n => n.amount.currency),
        ]),
      ].sort(),
      through,
      actual: { currency: forecastCurrency, days: actualDays },
      cloud,
      allIn,
      licensesOnly,
      licenseAmounts,
      licensePayments,
      unpriced: license.unpriced,
    };
  }

  /** Every entity's license amounts for the days, computed once per snapshot and days. */
  private async licenseSplit(
    from: string,
    to: string,
    basis: 'billed' | 'amortized',
  ): Promise<LicenseAmountsByEntity> {
    const [facts, reservations] = await Promise.all([
      this.options.licenseFacts(),
      this.options.reservations(),
    ]);
    if (!facts) return { amountsFor: () => [], unpriced: [] };
    const key = JSON.stringify([from, to, reservations]);
    const cached = this.#licenseSplits.get(basis);
    // The engine's cached snapshot keeps these arrays until something changed; the position
    // is rebuilt per call from them and the reservations, which are in the key.
    if (
      cached &&
      cached.key === key &&
      cached.facts.entitlements === facts.entitlements &&
      cached.facts.consumptions === facts.consumptions
    ) {
      return cached.result;
    }
    const result = this.options.splitLicenseAmounts(
      facts,
      reservations,
      from,
      to,
      basis,
    );
    this.#licenseSplits.set(basis, { key, facts, result });
    return result;
  }
}

/** A forecast of zero for every day: the cloud part of an entity with no cloud history. */
function zeroForecast(
  currency: string,
  first: string,
  horizon: number,
): CostForecast {
  return {
    currency,
    method: 'no-history',
    historyDays: 0,
    parameters: null,
    band: { kind: 'none' },
    days: dayRange(first, horizon).map(day => ({
      day,
      expected: '0',
      low: '0',
      high: '0',
    })),
    total: { expected: '0', low: '0', high: '0' },
  };
}
