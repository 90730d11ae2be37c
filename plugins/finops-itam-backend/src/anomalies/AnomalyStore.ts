import { LicensePositionEntry } from '@finops-itam/plugin-finops-itam-common';
import { AnomalyKind } from './anomalyKey';
import { AnomalyResolution, AnomalyStatus } from './anomalyStatus';
import { AnomalyDriver } from './costAnomalyTypes';

/** What detection knows about an anomaly: everything a re-run may update. */
export interface DetectedAnomaly {
  /** From `anomalyKey`. */
  id: string;
  kind: AnomalyKind;
  /** Lowercase ref of the entity (cost) or the license entity; null when there is none. */
  entityRef: string | null;
  /** License anomalies only. */
  productId: string | null;
  date: string;
  lastDate: string;
  /** Amounts are exact decimal strings in `currency`; all null for license anomalies. */
  currency: string | null;
  actual: string | null;
  expected: string | null;
  impact: string | null;
  totalImpact: string | null;
  score: number | null;
  detail: string;
  drivers: AnomalyDriver[];
  /** Lowercase ref of the owning group; null when the catalog names none. */
  owner: string | null;
}

/** A stored anomaly: what detection found and where people took it. */
export interface StoredAnomaly extends DetectedAnomaly {
  status: AnomalyStatus;
  resolution: AnomalyResolution | null;
  note: string | null;
  /** ISO timestamp of the first run that found it. */
  detectedAt: string;
  /** ISO timestamp of the notification that told its owner; null until one was sent. */
  notifiedAt: string | null;
}

/** One status change, kept for the retrospective. */
export interface AnomalyHistoryRecord {
  at: string;
  /** User ref of who changed it. */
  by: string;
  status: AnomalyStatus;
  resolution: AnomalyResolution | null;
  note: string | null;
}

export interface AnomalyFilter {
  /** First day (inclusive) an anomaly may start on. */
  from?: string;
  /** Day after the last day an anomaly may start on. */
  to?: string;
  /** Lowercase entity ref. */
  entityRef?: string;
  status?: AnomalyStatus;
}

/** The license position a detection run saw, kept for the next run to compare with. */
export interface LicensePositionSnapshot {
  day: string;
  entries: LicensePositionEntry[];
}

/**
 * Anomalies, their status history and the license position the last run saw. Detection
 * writes never touch status, resolution, note or notification; a status change and its
 * history entry are written in one transaction.
 */
export interface AnomalyStore {
  /**
   * Inserts anomalies not stored yet (status `open`, detected at `detectedAt`) and updates
   * what detection knows of the others. Answers the ids that were new.
   */
  upsertDetected(
    anomalies: readonly DetectedAnomaly[],
    detectedAt: string,
  ): Promise<string[]>;

  get(id: string): Promise<StoredAnomaly | undefined>;

  /** Anomalies matching every given filter, newest first (by first day, then id). */
  list(filter?: AnomalyFilter): Promise<StoredAnomaly[]>;

  /** History of each anomaly, oldest first. */
  history(ids: readonly string[]): Promise<Map<string, AnomalyHistoryRecord[]>>;

  /**
   * Sets the status, resolution and note from `change` and appends it to the history, only
   * when the anomaly is still `expectedStatus`: two people changing it at once cannot both
   * succeed. Answers whether it changed.
   */
  changeStatus(
    id: string,
    expectedStatus: AnomalyStatus,
    change: AnomalyHistoryRecord,
  ): Promise<boolean>;

  /** Open anomalies nobody was told about yet, oldest first. */
  unnotified(): Promise<StoredAnomaly[]>;

  /** Records that the owners of `ids` were told at `at`. */
  markNotified(ids: readonly string[], at: string): Promise<void>;

  /** The license position the previous run saw; undefined before any run saved one. */
  licensePositions(): Promise<LicensePositionSnapshot | undefined>;

  /** Replaces the saved license position with `snapshot`. */
  saveLicensePositions(snapshot: LicensePositionSnapshot): Promise<void>;
}
