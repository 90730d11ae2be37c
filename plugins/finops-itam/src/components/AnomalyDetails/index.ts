export { AnomalyDialog } from './AnomalyDialog';
export { AnomalyFacts } from './AnomalyFacts';
export { AnomalyStatusActions } from './AnomalyStatusActions';
export {
  ANOMALY_KIND_WORDS,
  ANOMALY_STATUS_WORDS,
  RESOLUTION_WORDS,
  anomalyMarkerName,
  isCostAnomaly,
} from './anomalyWords';
