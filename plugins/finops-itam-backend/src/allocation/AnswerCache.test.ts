import { AnswerCache } from './AnswerCache';

/** A computation that records its calls and finishes when told to. */
function deferred(answer: string) {
  let finish!: () => void;
  const done = new Promise<void>(resolve => {
    finish = resolve;
  });
  const compute = jest.fn(async () => {
    await done;
    return answer;
  });
  return { compute, finish };
}

/** ASCII text: one byte per character. */
const textSize = (answer: string) => answer.length;

describe('AnswerCache', () => {
  it('computes an answer once per data version', async () => {
    const cache = new AnswerCache(1000, textSize);
    const compute = jest.fn(async () => '{"total":"1"}');

    expect(await cache.get('1', 'checkout', compute)).toBe('{"total":"1"}');
    expect(await cache.get('1', 'checkout', compute)).toBe('{"total":"1"}');
    expect(compute).toHaveBeenCalledTimes(1);

    const recomputed = jest.fn(async () => '{"total":"2"}');
    expect(await cache.get('2', 'checkout', recomputed)).toBe('{"total":"2"}');
    expect(recomputed).toHaveBeenCalledTimes(1);
  });

  it('forgets every answer of the old version when the version changes', async () => {
    const cache = new AnswerCache(1000, textSize);
    await cache.get('1', 'a', async () => 'aaa');
    await cache.get('1', 'b', async () => 'bbb');
    expect(cache.size()).toEqual({ answers: 2, bytes: 6 });

    await cache.get('2', 'a', async () => 'AAA');

    expect(cache.size()).toEqual({ answers: 1, bytes: 3 });
  });

  it('shares one computation between concurrent requests for the same answer', async () => {
    const cache = new AnswerCache(1000, textSize);
    const { compute, finish } = deferred('answer');

    const first = cache.get('1', 'checkout', compute);
    const second = cache.get('1', 'checkout', compute);
    finish();

    expect(await Promise.all([first, second])).toEqual(['answer', 'answer']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('does not keep an answer computed from a version that changed meanwhile', async () => {
    const cache = new AnswerCache(1000, textSize);
    const old = deferred('old data');
    const pending = cache.get('1', 'checkout', old.compute);
    await cache.get('2', 'other', async () => 'x');
    old.finish();
    expect(await pending).toBe('old data');

    const fresh = jest.fn(async () => 'new data');
    expect(await cache.get('2', 'checkout', fresh)).toBe('new data');
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed computation', async () => {
    const cache = new AnswerCache(1000, textSize);
    await expect(
      cache.get('1', 'checkout', async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');

    expect(await cache.get('1', 'checkout', async () => 'answer')).toBe(
      'answer',
    );
  });

  it('drops the least recently used answers beyond its size', async () => {
    const cache = new AnswerCache(10, textSize);
    await cache.get('1', 'a', async () => 'aaaa');
    await cache.get('1', 'b', async () => 'bbbb');
    // Reading a makes b the least recently used.
    await cache.get('1', 'a', async () => 'never');
    await cache.get('1', 'c', async () => 'cccc');

    expect(cache.size()).toEqual({ answers: 2, bytes: 8 });
    expect(await cache.get('1', 'a', async () => 'recomputed')).toBe('aaaa');
    expect(await cache.get('1', 'b', async () => 'recomputed')).toBe(
      'recomputed',
    );
  });

  it('serves answers larger than the whole cache without keeping them, and nothing at size 0', async () => {
    const big = new AnswerCache(3, textSize);
    expect(await big.get('1', 'a', async () => 'too long')).toBe('too long');
    expect(big.size()).toEqual({ answers: 0, bytes: 0 });

    const off = new AnswerCache(0, textSize);
    const compute = jest.fn(async () => 'answer');
    await off.get('1', 'a', compute);
    await off.get('1', 'a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
