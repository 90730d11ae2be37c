import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityDailyCostReader } from '../database/EntityDailyCostReader';
import { NotificationClaimStore } from '../database/NotificationClaimStore';
import { LicenseEngine } from '../feature/hooks';
import { costAnomalyDetail, licenseAnomalyDetail } from './anomalyDetails';
import {
  anomalyKey,
  costAnomalyIdentity,
  licenseAnomalyIdentity,
} from './anomalyKey';
import { planAnomalyNotifications } from './anomalyNotifications';
import { AnomalyNotifier } from './AnomalyNotifier';
import { AnomalyStore, DetectedAnomaly, StoredAnomaly } from './AnomalyStore';
import { CostAnomalyScanSettings, scanCostAnomalies } from './CostAnomalyScan';
import { licenseAnomalies } from './licenseAnomalies';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The notification claim of an anomaly (see `NotificationClaimStore`). */
const claimKey = (anomaly: Pick<StoredAnomaly, 'id'>) =>
  `finops-itam:anomaly:${anomaly.id}`;

/** The settings of `finopsItam.anomalies` a run reads. */
export interface AnomalyRunSettings extends CostAnomalyScanSettings {
  /** One digest a day per owner instead of one notification per anomaly. */
  digest: boolean;
  licenses: {
    consumptionJumpPercent?: number;
    consumptionJumpAbsolute?: number;
    allowedProducts?: string[];
  };
  blockedProducts: string[];
}

/** What one run did, for its log line and tests. */
export interface AnomalyRunReport {
  costEntities: number;
  lastComplete: string | null;
  costAnomalies: number;
  licenseAnomalies: number;
  /** Anomalies stored for the first time. */
  newAnomalies: number;
  notificationsSent: number;
  notificationsFailed: number;
  /** Open anomalies whose entity names no owner: in the list, told to nobody. */
  unowned: number;
}

/**
 * One detection run: cost anomalies of every watched entity and license anomalies since the
 * license position the previous run saw, stored by their stable keys (a re-run updates,
 * never duplicates), then every open anomaly nobody was told about is told to its owning
 * group, once: an anomaly is recorded as notified only after its send succeeded, so a
 * failed send is tried again by the next run.
 */
export class AnomalyDetectionRun {
  constructor(
    private readonly deps: {
      store: AnomalyStore;
      /** Claimed before each send, so that of two runs at once only one tells the owner. */
      claims: Pick<NotificationClaimStore, 'claim' | 'release'>;
      reader: EntityDailyCostReader;
      catalog: CatalogService;
      auth: AuthService;
      /** The license engine; its absence (licenses not set up) skips license anomalies. */
      licenseEngine: () => LicenseEngine;
      notifier: AnomalyNotifier;
      settings: AnomalyRunSettings;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async run(): Promise<AnomalyRunReport> {
    const now = (this.deps.now ?? (() => new Date()))();
    const today = now.toISOString().slice(0, 10);
    const cost = await scanCostAnomalies(
      this.deps.reader,
      this.deps.settings,
      today,
    );
    const owners = await this.ownersOf(cost.anomalies.map(a => a.entityRef));
    const detected: DetectedAnomaly[] = cost.anomalies.map(anomaly => ({
      id: anomalyKey(costAnomalyIdentity(anomaly)),
      kind:
        anomaly.direction === 'increase' ? 'cost-increase' : 'cost-decrease',
      entityRef: lower(anomaly.entityRef),
      productId: null,
      date: anomaly.date,
      lastDate: anomaly.lastDate,
      currency: anomaly.currency,
      actual: anomaly.actual,
      expected: anomaly.expected,
      impact: anomaly.impact,
      totalImpact: anomaly.totalImpact,
      score: anomaly.score,
      detail: costAnomalyDetail(anomaly),
      drivers: anomaly.drivers,
      owner: owners.get(lower(anomaly.entityRef)) ?? null,
    }));
    const license = await this.licenseAnomalies();
    const fresh = await this.deps.store.upsertDetected(
      [...detected, ...license.anomalies],
      now.toISOString(),
    );
    // Only once its anomalies are stored: otherwise a failed write would lose them for good.
    await license.savePosition();
    const notified = await this.notify(today, now);
    return {
      costEntities: cost.entities,
      lastComplete: cost.lastComplete,
      costAnomalies: detected.length,
      licenseAnomalies: license.anomalies.length,
      newAnomalies: fresh.length,
      ...notified,
    };
  }

  /** Each entity's owning group (the catalog's `spec.owner`), as lowercase full refs. */
  private async ownersOf(entityRefs: string[]): Promise<Map<string, string>> {
    const refs = [...new Set(entityRefs.map(lower))];
    const owners = new Map<string, string>();
    if (refs.length === 0) return owners;
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner'],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    for (const entity of items) {
      const owner = entity?.spec?.owner;
      if (!entity || typeof owner !== 'string') continue;
      try {
        const ref = parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        });
        owners.set(
          lower(stringifyEntityRef(entity)),
          lower(stringifyEntityRef(ref)),
        );
      } catch {
        // An owner that is no entity ref is the catalog's problem to report; nobody to tell.
      }
    }
    return owners;
  }

  /**
   * License changes since the position the previous run saw, which is then replaced by the
   * current one. The first run has nothing to compare with: it only records the position,
   * so shortages that existed before anomalies were watched are not reported as new.
   */
  private async licenseAnomalies(): Promise<{
    anomalies: DetectedAnomaly[];
    savePosition: () => Promise<void>;
  }> {
    const none = { anomalies: [], savePosition: async () => {} };
    let snapshot: Awaited<ReturnType<LicenseEngine['snapshot']>>;
    try {
      snapshot = await this.deps.licenseEngine().snapshot();
    } catch (error) {
      // Cost anomalies do not wait for licenses: without a position, only they are looked at.
      this.deps.logger.warn(
        `Anomaly detection could not read the license position, so license anomalies were not looked for: ${error}`,
      );
      return none;
    }
    const previous = await this.deps.store.licensePositions();
    const { licenses, blockedProducts } = this.deps.settings;
    const found = previous
      ? licenseAnomalies(previous.entries, snapshot.position, {
          date: snapshot.today,
          // Only the minimums given: an undefined one would replace the engine's default.
          consumptionJump: {
            ...(licenses.consumptionJumpPercent !== undefined && {
              percent: licenses.consumptionJumpPercent,
            }),
            ...(licenses.consumptionJumpAbsolute !== undefined && {
              absolute: licenses.consumptionJumpAbsolute,
            }),
          },
          authorization: {
            allowedProductIds: licenses.allowedProducts,
            blockedProductIds: blockedProducts,
          },
        })
      : [];
    const savePosition = () =>
      this.deps.store.saveLicensePositions({
        day: snapshot.today,
        entries: snapshot.position,
      });
    const anomalies = found.map((anomaly): DetectedAnomaly => {
      const entityRef = anomaly.licenseEntityRef
        ? lower(anomaly.licenseEntityRef)
        : null;
      return {
        id: anomalyKey(licenseAnomalyIdentity(anomaly)),
        kind: anomaly.kind,
        entityRef,
        productId: anomaly.productId,
        date: anomaly.date,
        lastDate: anomaly.date,
        currency: null,
        actual: null,
        expected: null,
        impact: null,
        totalImpact: null,
        score: null,
        detail: licenseAnomalyDetail(anomaly),
        drivers: [],
        owner: (entityRef && snapshot.owners.get(entityRef)) ?? null,
      };
    });
    return { anomalies, savePosition };
  }

  private async notify(
    today: string,
    now: Date,
  ): Promise<
    Pick<
      AnomalyRunReport,
      'notificationsSent' | 'notificationsFailed' | 'unowned'
    >
  > {
    const pending = await this.deps.store.unnotified();
    // Only anomalies with an owner are sent; the unowned stay pending for the FinOps list.
    const claimed = await this.claimUntold(
      pending.filter(anomaly => anomaly.owner !== null),
      now,
    );
    const unowned = pending.filter(anomaly => anomaly.owner === null);
    let sent = 0;
    let failed = 0;
    try {
      const plan = planAnomalyNotifications(
        [...claimed, ...unowned].map(anomaly => ({
          key: anomaly.id,
          owner: anomaly.owner,
          anomaly,
        })),
        // Anomalies already told about are not pending: the store keeps that, not this set.
        new Set(),
        {
          mode: this.deps.settings.digest ? 'daily-digest' : 'each',
          day: today,
        },
      );
      for (const notification of plan.notifications) {
        if (await this.deps.notifier.send(notification)) {
          await this.deps.store.markNotified(
            notification.anomalies.map(item => item.key),
            now.toISOString(),
          );
          sent++;
        } else {
          failed++;
        }
      }
      return {
        notificationsSent: sent,
        notificationsFailed: failed,
        unowned: plan.unowned.length,
      };
    } finally {
      await this.deps.claims.release(claimed.map(claimKey));
    }
  }

  /**
   * The anomalies of `pending` this run now holds and that are still untold: each is
   * claimed, then read again, since another run may have told it since `pending` was read.
   */
  private async claimUntold(
    pending: readonly StoredAnomaly[],
    now: Date,
  ): Promise<StoredAnomaly[]> {
    const held = new Set<string>();
    for (const anomaly of pending) {
      if (await this.deps.claims.claim(claimKey(anomaly), now)) {
        held.add(anomaly.id);
      }
    }
    const untold = (await this.deps.store.unnotified()).filter(anomaly =>
      held.has(anomaly.id),
    );
    const stillUntold = new Set(untold.map(anomaly => anomaly.id));
    await this.deps.claims.release(
      [...held].filter(id => !stillUntold.has(id)).map(id => claimKey({ id })),
    );
    return untold;
  }
}
