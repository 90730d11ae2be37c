import { KeyedLock } from './KeyedLock';

describe('KeyedLock', () => {
  it('runs work of one key one at a time, in call order, even after a failure', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        events.push(`${name} start`);
        await new Promise(resolve => setTimeout(resolve, 5));
        events.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };

    const results = await Promise.allSettled([
      lock.run('aws', step('a', true)),
      lock.run('aws', step('b')),
      lock.run('gcp', step('c')),
    ]);

    expect(results.map(r => r.status)).toEqual([
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(events.indexOf('b start')).toBeGreaterThan(events.indexOf('a end'));
    // Another key does not wait.
    expect(events.indexOf('c start')).toBeLessThan(events.indexOf('a end'));
  });
});
