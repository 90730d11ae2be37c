import {
  Anomaly,
  AnomalyKind,
  AnomalyResolution,
  AnomalyStatus,
} from '@finops-itam/plugin-finops-itam-common';

export const ANOMALY_STATUS_WORDS: Record<AnomalyStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const RESOLUTION_WORDS: Record<AnomalyResolution, string> = {
  expected: 'Expected',
  fixed: 'Fixed',
  'false-positive': 'False positive',
};

export const ANOMALY_KIND_WORDS: Record<AnomalyKind, string> = {
  'cost-increase': 'Cost increase',
  'cost-decrease': 'Cost decrease',
  'license-shortage': 'License shortage',
  'license-consumption-jump': 'License consumption jump',
  'unauthorized-product': 'Unauthorized product',
};

/** Cost anomalies have a day's actual and expected cost and can sit on a cost chart. */
export function isCostAnomaly(anomaly: Anomaly): boolean {
  return anomaly.kind === 'cost-increase' || anomaly.kind === 'cost-decrease';
}

/** The accessible name of an anomaly's marker on a chart; an e2e test looks for it. */
export function anomalyMarkerName(anomaly: Pick<Anomaly, 'date'>): string {
  return `Anomaly on ${anomaly.date}`;
}
