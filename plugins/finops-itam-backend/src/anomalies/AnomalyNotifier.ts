import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AnomalyNotification } from './anomalyNotifications';
import { StoredAnomaly } from './AnomalyStore';
import { dayFromNumber, dayNumber } from './calendarDays';

/** The ITAM page route of the frontend plugin, for license anomalies without an entity. */
const ITAM_PAGE = '/finops-itam/itam';
/** Days of the Cost tab's chart shown either side of an anomaly's first day. */
const CHART_DAYS_AROUND = 14;

const TITLES: Record<StoredAnomaly['kind'], string> = {
  'cost-increase': 'Unusual cost increase',
  'cost-decrease': 'Unusual cost decrease',
  'license-shortage': 'New license shortage',
  'license-consumption-jump': 'License consumption jump',
  'unauthorized-product': 'Unauthorized product in use',
};

/**
 * Where an anomaly is looked at: a cost anomaly on its entity's Cost tab, daily, around its
 * first day (the tab reads `from`, `to` and `granularity`; `anomaly` names the one to
 * open); a license anomaly on its license entity's page, or the ITAM page.
 */
export function anomalyLink(anomaly: StoredAnomaly): string {
  if (!anomaly.entityRef) return ITAM_PAGE;
  const { kind, namespace, name } = parseEntityRef(anomaly.entityRef);
  const page = `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}`;
  if (anomaly.kind !== 'cost-increase' && anomaly.kind !== 'cost-decrease') {
    return page;
  }
  const first = dayNumber(anomaly.date);
  const search = new URLSearchParams({
    from: dayFromNumber(first - CHART_DAYS_AROUND),
    to: dayFromNumber(first + CHART_DAYS_AROUND + 1),
    granularity: 'day',
    anomaly: anomaly.id,
  });
  return `${page}/cost?${search}`;
}

/** The one-line summary of an anomaly, as its notification and a digest's lines say it. */
function summary(anomaly: StoredAnomaly): string {
  const subject = anomaly.entityRef ?? anomaly.productId ?? 'unknown';
  return `${TITLES[anomaly.kind]}: ${subject} on ${anomaly.date}`;
}

/**
 * Tells owners about anomalies through the Backstage notifications service: one
 * notification per anomaly (scope `finops-itam:anomaly:<id>`), or a digest per owner
 * listing them. A send that fails is logged and answers false, so the caller leaves its
 * anomalies unrecorded and the next run tries again; it never fails the run.
 */
export class AnomalyNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async send(
    notification: AnomalyNotification<StoredAnomaly>,
  ): Promise<boolean> {
    const anomalies = notification.anomalies.map(item => item.anomaly);
    const [first] = anomalies;
    const payload =
      anomalies.length === 1
        ? {
            title: summary(first),
            description: first.detail,
            link: anomalyLink(first),
          }
        : {
            title: `${anomalies.length} new cost and license anomalies`,
            description: anomalies.map(summary).join('\n'),
            // The digest opens the first; the rest are listed in its description.
            link: anomalyLink(first),
          };
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: notification.owner },
        payload: {
          ...payload,
          severity: anomalies.some(a => a.kind === 'license-shortage')
            ? 'high'
            : 'normal',
          topic: 'finops-itam anomaly',
          scope: notification.scope,
        },
      });
      return true;
    } catch (error) {
      this.deps.logger.warn(
        `Could not notify ${notification.owner} about anomalies ${anomalies
          .map(a => a.id)
          .join(', ')}; the next run tries again: ${error}`,
      );
      return false;
    }
  }
}
