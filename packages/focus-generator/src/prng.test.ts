import { createRng } from './prng';

describe('createRng', () => {
  const draw = (seed: string) => {
    const rng = createRng(seed);
    return Array.from({ length: 5 }, () => rng.next());
  };

  it('repeats the same sequence for the same seed', () => {
    expect(draw('acme')).toEqual(draw('acme'));
    expect(draw('acme')).not.toEqual(draw('acme2'));
  });

  it('forks independent streams that do not depend on draws from the parent', () => {
    const a = createRng('root');
    const b = createRng('root');
    b.next();
    b.next();
    expect(a.fork('line').next()).toBe(b.fork('line').next());
    expect(a.fork('one').next()).not.toBe(a.fork('two').next());
  });

  it('stays in range', () => {
    const rng = createRng('range');
    for (let i = 0; i < 1000; i++) {
      const n = rng.between(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThan(5);
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(rng.hex(16)).toMatch(/^[0-9a-f]{16}$/);
    expect(rng.alnum(13)).toMatch(/^[A-Z0-9]{13}$/);
  });
});
