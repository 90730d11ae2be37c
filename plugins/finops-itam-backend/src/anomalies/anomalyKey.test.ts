import {
  anomalyKey,
  costAnomalyIdentity,
  licenseAnomalyIdentity,
} from './anomalyKey';

describe('anomalyKey', () => {
  it('gives the same key for the same entity, day and kind, whatever the case of the ref', () => {
    const a = anomalyKey(
      costAnomalyIdentity({
        entityRef: 'component:default/Checkout',
        date: '2026-12-01',
        direction: 'increase',
      }),
    );
    const b = anomalyKey({
      kind: 'cost-increase',
      subject: 'component:default/checkout',
      date: '2026-12-01',
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^cost-increase-[0-9a-f]{24}$/);
  });

  it('gives different keys when the entity, the day or the kind differ', () => {
    const base = {
      kind: 'cost-increase' as const,
      subject: 'component:default/checkout',
      date: '2026-12-01',
    };
    const keys = new Set([
      anomalyKey(base),
      anomalyKey({ ...base, kind: 'cost-decrease' }),
      anomalyKey({ ...base, date: '2026-12-02' }),
      anomalyKey({ ...base, subject: 'component:default/payments' }),
      anomalyKey(
        licenseAnomalyIdentity({
          kind: 'license-shortage',
          productId: 'component:default/checkout',
          date: '2026-12-01',
        }),
      ),
    ]);
    expect(keys.size).toBe(5);
  });
});
