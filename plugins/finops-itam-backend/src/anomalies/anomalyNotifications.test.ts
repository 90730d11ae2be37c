import { planAnomalyNotifications } from './anomalyNotifications';

const item = (key: string, owner: string | null) => ({
  key,
  owner,
  anomaly: { key },
});

describe('planAnomalyNotifications', () => {
  const found = [
    item('a', 'group:default/team-checkout'),
    item('b', 'group:default/team-payments'),
    item('c', 'group:default/team-checkout'),
    item('d', null),
  ];

  it('tells each owner once per anomaly across runs', () => {
    const first = planAnomalyNotifications(found, new Set(), {
      mode: 'each',
      day: '2026-12-07',
    });
    expect(
      first.notifications.map(n => [n.owner, n.anomalies.map(a => a.key)]),
    ).toEqual([
      ['group:default/team-checkout', ['a']],
      ['group:default/team-payments', ['b']],
      ['group:default/team-checkout', ['c']],
    ]);
    expect(first.unowned.map(a => a.key)).toEqual(['d']);
    expect(first.keysToRecord).toEqual(['a', 'b', 'c']);

    // The next run finds the same anomalies again plus a new one: only the new one is sent.
    const second = planAnomalyNotifications(
      [...found, item('e', 'group:default/team-payments'), item('e', 'x')],
      new Set(first.keysToRecord),
      { mode: 'each', day: '2026-12-08' },
    );
    expect(second.notifications.map(n => n.anomalies[0].key)).toEqual(['e']);
    expect(second.keysToRecord).toEqual(['e']);
  });

  it('groups a daily digest per owner', () => {
    const plan = planAnomalyNotifications(found, new Set(['c']), {
      mode: 'daily-digest',
      day: '2026-12-07',
    });
    expect(
      plan.notifications.map(n => [n.owner, n.anomalies.map(a => a.key)]),
    ).toEqual([
      ['group:default/team-checkout', ['a']],
      ['group:default/team-payments', ['b']],
    ]);
    expect(plan.notifications[0].scope).toBe(
      'finops-itam:anomaly-digest:group:default/team-checkout:2026-12-07:a',
    );
  });
});
