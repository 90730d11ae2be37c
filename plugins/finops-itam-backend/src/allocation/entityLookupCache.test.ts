import { testEntity } from './__testUtils__/facts';
import { EntityLookupCache } from './entityLookupCache';

describe('EntityLookupCache', () => {
  const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };

  it('shares one lookup between concurrent requests and reuses it for a minute', async () => {
    let now = 0;
    const lookup = jest.fn(async () => testEntity('Component', 'checkout'));
    const cache = new EntityLookupCache(lookup, () => now);
    const [a, b] = await Promise.all([
      cache.get(ref),
      cache.get({ ...ref, kind: 'component' }),
    ]);
    expect(a).toBe(b);
    expect(lookup).toHaveBeenCalledTimes(1);
    now = 59_000;
    await cache.get(ref);
    expect(lookup).toHaveBeenCalledTimes(1);
    now = 61_000;
    await cache.get(ref);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('forgets unknown entities after seconds and failed lookups at once', async () => {
    let now = 0;
    const lookup = jest
      .fn<Promise<any>, any[]>()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('catalog down'))
      .mockResolvedValue(testEntity('Component', 'checkout'));
    const cache = new EntityLookupCache(lookup, () => now);
    expect(await cache.get(ref)).toBeUndefined();
    now = 4_000;
    expect(await cache.get(ref)).toBeUndefined();
    now = 6_000;
    await expect(cache.get(ref)).rejects.toThrow('catalog down');
    await new Promise(resolve => setImmediate(resolve));
    expect(await cache.get(ref)).toMatchObject({
      metadata: { name: 'checkout' },
    });
    expect(lookup).toHaveBeenCalledTimes(3);
  });
});
