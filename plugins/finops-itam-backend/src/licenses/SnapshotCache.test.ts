import { SnapshotCache } from './SnapshotCache';

function setUp(ttlMs = 1000) {
  let clock = 0;
  let fingerprint = 'a';
  let computed = 0;
  const gates: Array<() => void> = [];
  let gated = false;
  const cache = new SnapshotCache<number>({
    compute: async () => {
      computed += 1;
      const value = computed;
      if (gated) await new Promise<void>(resolve => gates.push(resolve));
      return value;
    },
    fingerprint: async () => fingerprint,
    ttlMs,
    now: () => clock,
  });
  return {
    cache,
    computed: () => computed,
    tick: (ms: number) => (clock += ms),
    setFingerprint: (f: string) => (fingerprint = f),
    gate: () => (gated = true),
    release: () => gates.splice(0).forEach(open => open()),
  };
}

describe('SnapshotCache', () => {
  it('serves the computed value until the TTL passes', async () => {
    const t = setUp(1000);
    expect(await t.cache.get()).toBe(1);
    t.tick(999);
    expect(await t.cache.get()).toBe(1);
    t.tick(1);
    expect(await t.cache.get()).toBe(2);
    expect(t.computed()).toBe(2);
  });

  it('recomputes when the fingerprint changes or after invalidate()', async () => {
    const t = setUp();
    expect(await t.cache.get()).toBe(1);
    t.setFingerprint('b');
    expect(await t.cache.get()).toBe(2);
    expect(await t.cache.get()).toBe(2);
    t.cache.invalidate();
    expect(await t.cache.get()).toBe(3);
  });

  it('shares one computation between concurrent reads', async () => {
    const t = setUp();
    t.gate();
    const reads = [t.cache.get(), t.cache.get(), t.cache.get()];
    await new Promise(resolve => setImmediate(resolve));
    t.release();
    expect(await Promise.all(reads)).toEqual([1, 1, 1]);
    expect(t.computed()).toBe(1);
  });

  it('does not keep a value whose computation started before an invalidation', async () => {
    const t = setUp();
    t.gate();
    const stale = t.cache.get();
    await new Promise(resolve => setImmediate(resolve));
    // A write lands while the first computation reads: its result may miss the write.
    t.cache.invalidate();
    const fresh = t.cache.get();
    await new Promise(resolve => setImmediate(resolve));
    t.release();
    expect(await stale).toBe(1);
    expect(await fresh).toBe(2);
    expect(await t.cache.get()).toBe(2);
    expect(t.computed()).toBe(2);
  });

  it('does not cache a failed computation', async () => {
    let calls = 0;
    const cache = new SnapshotCache<number>({
      compute: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
        return calls;
      },
      fingerprint: async () => 'x',
      ttlMs: 1000,
    });
    await expect(cache.get()).rejects.toThrow('database gone');
    expect(await cache.get()).toBe(2);
  });
});
