import { createHash } from 'crypto';
import { LicenseAnomalyKind } from './licenseAnomalies';

/** Kinds of anomaly; a cost anomaly's kind says its direction. */
export type AnomalyKind =
  | 'cost-increase'
  | 'cost-decrease'
  | LicenseAnomalyKind;

/** What identifies an anomaly: the same facts on a re-run give the same key. */
export interface AnomalyIdentity {
  kind: AnomalyKind;
  /** The entity (cost) or the product's license entity or product id (licenses). */
  subject: string;
  /** The day it started, `YYYY-MM-DD`. */
  date: string;
}

/**
 * A stable id for an anomaly: the same subject, day and kind always give the same id, so a
 * scheduled run that finds an anomaly again (the stretch grew a day, the detection ran
 * twice) updates it rather than adding a second one. Entity refs are compared lowercased,
 * as the catalog compares them. The id is a hash so it is safe in a URL path
 * (`/anomalies/:id/status`), prefixed by the kind so a log line says what it is.
 */
export function anomalyKey(identity: AnomalyIdentity): string {
  const canonical = JSON.stringify([
    identity.kind,
    identity.subject.toLocaleLowerCase('en-US'),
    identity.date,
  ]);
  const hash = createHash('sha256').update(canonical).digest('hex');
  return `${identity.kind}-${hash.slice(0, 24)}`;
}

/** The identity of a cost anomaly (see `detectCostAnomalies`). */
export function costAnomalyIdentity(anomaly: {
  entityRef: string;
  date: string;
  direction: 'increase' | 'decrease';
}): AnomalyIdentity {
  return {
    kind: anomaly.direction === 'increase' ? 'cost-increase' : 'cost-decrease',
    subject: anomaly.entityRef,
    date: anomaly.date,
  };
}

/** The identity of a license anomaly: by product, since a product may have no entity yet. */
export function licenseAnomalyIdentity(anomaly: {
  kind: LicenseAnomalyKind;
  productId: string;
  date: string;
}): AnomalyIdentity {
  return { kind: anomaly.kind, subject: anomaly.productId, date: anomaly.date };
}
