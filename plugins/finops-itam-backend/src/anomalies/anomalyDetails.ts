import { Money } from '../money';
import { LicenseAnomaly } from './licenseAnomalies';
import { CostAnomaly } from './costAnomalyTypes';

/** An amount as people read it in a notification; the stored amount stays exact. */
const shown = (amount: string) => new Money(amount).toFixed(2);
const signed = (amount: string) =>
  new Money(amount).isNegative() ? shown(amount) : `+${shown(amount)}`;

/** What a cost anomaly is, in one sentence for its owner. */
export function costAnomalyDetail(anomaly: CostAnomaly): string {
  const { currency } = anomaly;
  const first = `Cost ${shown(anomaly.actual)} ${currency} on ${
    anomaly.date
  }, expected ${shown(anomaly.expected)} ${currency} (${signed(
    anomaly.impact,
  )}, score ${anomaly.score.toFixed(1)})`;
  const stretch =
    anomaly.lastDate === anomaly.date
      ? ''
      : `; unusual until ${anomaly.lastDate}, ${signed(
          anomaly.totalImpact,
        )} ${currency} in all`;
  const top = anomaly.drivers[0];
  const driver = top
    ? `. Largest driver: ${top.kind} ${top.name} (${signed(
        top.impact,
      )} ${currency})`
    : '';
  return `${first}${stretch}${driver}.`;
}

/** What a license anomaly is, in one sentence for its owner. */
export function licenseAnomalyDetail(anomaly: LicenseAnomaly): string {
  const product = anomaly.productName;
  switch (anomaly.kind) {
    case 'license-shortage': {
      const exposure = anomaly.exposure
        ? ` Buying the shortage at list price costs ${anomaly.exposure.amount} ${anomaly.exposure.currency} a year.`
        : '';
      return `${product}: the license position went from ${
        anomaly.previous ?? 'nothing'
      } to ${anomaly.current}.${exposure}`;
    }
    case 'license-consumption-jump':
      return `${product}: the required quantity rose from ${anomaly.previous} to ${anomaly.current}.`;
    default:
      return `${product} is in use (${anomaly.current} required) and is not an authorized product.`;
  }
}
