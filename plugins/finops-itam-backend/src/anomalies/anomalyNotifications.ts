/** An anomaly ready to be told to its owner. */
export interface NotifiableAnomaly<T> {
  /** From `anomalyKey`. */
  key: string;
  /** The owning group's entity ref; null when the catalog names no owner. */
  owner: string | null;
  anomaly: T;
}

/** One notification to send: to one owner, about one or more anomalies. */
export interface AnomalyNotification<T> {
  owner: string;
  /**
   * The notification's scope (Backstage notifications update the notification of the same
   * scope instead of adding one): the anomaly's key, or for a digest its owner, day and
   * first key, so a second run on the same day adds a digest rather than replacing one.
   */
  scope: string;
  anomalies: Array<NotifiableAnomaly<T>>;
}

export interface AnomalyNotificationPlan<T> {
  notifications: Array<AnomalyNotification<T>>;
  /** New anomalies nobody owns: for the FinOps team's list, not sent to anyone. */
  unowned: Array<NotifiableAnomaly<T>>;
  /** Every key this plan tells someone about; record them once sent. */
  keysToRecord: string[];
}

export interface AnomalyNotificationOptions {
  /** One notification per anomaly, or one a day per owner listing that day's new ones. */
  mode: 'each' | 'daily-digest';
  /** The day of the run, `YYYY-MM-DD`: names the digest. */
  day: string;
}

/**
 * Who to tell about which anomalies, telling each owner once per anomaly: anomalies whose
 * key is in `notified` (sent by an earlier run) are left out, and so are repeats of a key
 * within this run. Owners and anomalies keep the order they came in, so the plan is the
 * same for the same input.
 */
export function planAnomalyNotifications<T>(
  anomalies: ReadonlyArray<NotifiableAnomaly<T>>,
  notified: ReadonlySet<string>,
  options: AnomalyNotificationOptions,
): AnomalyNotificationPlan<T> {
  const seen = new Set(notified);
  const fresh = anomalies.filter(item => {
    if (seen.has(item.key)) return false;
    seen.add(item.key);
    return true;
  });
  const owned = fresh.filter(item => item.owner !== null);
  const unowned = fresh.filter(item => item.owner === null);

  let notifications: Array<AnomalyNotification<T>>;
  if (options.mode === 'each') {
    notifications = owned.map(item => ({
      owner: item.owner!,
      scope: `finops-itam:anomaly:${item.key}`,
      anomalies: [item],
    }));
  } else {
    const byOwner = new Map<string, Array<NotifiableAnomaly<T>>>();
    for (const item of owned) {
      const list = byOwner.get(item.owner!) ?? [];
      list.push(item);
      byOwner.set(item.owner!, list);
    }
    notifications = [...byOwner].map(([owner, items]) => ({
      owner,
      scope: `finops-itam:anomaly-digest:${owner.toLocaleLowerCase('en-US')}:${
        options.day
      }:${items[0].key}`,
      anomalies: items,
    }));
  }
  return {
    notifications,
    unowned,
    keysToRecord: owned.map(item => item.key),
  };
}
