import { ExactSum } from '../money';
import { SeededRandom } from '../__testUtils__/SeededRandom';
import { BucketSums } from './bucketSums';

describe('BucketSums', () => {
  it('prints every bucket exactly as ExactSum does, whatever the text', () => {
    const random = new SeededRandom(3);
    const shapes = [
      () => `${random.int(0, 999)}.${random.digits(random.int(1, 16))}`,
      () => `-${random.int(0, 99)}.${random.digits(10)}`,
      () => String(random.int(0, 5)),
      () => '0',
      () => '-0',
      () => '0.000',
      () => '1.2300',
      () => '007.5',
      () => '12345678901.0000000000000001',
      () => `0.${random.digits(20)}`,
    ];
    for (let round = 0; round < 200; round++) {
      const buckets = new BucketSums();
      const expected = new Map<string, ExactSum>();
      for (let i = 0; i < random.int(0, 12); i++) {
        const bucket = `b${random.int(0, 4)}`;
        const amount = shapes[random.int(0, shapes.length - 1)]();
        buckets.add(bucket, amount);
        expected.set(
          bucket,
          (expected.get(bucket) ?? new ExactSum()).add(amount),
        );
      }
      for (const bucket of ['b0', 'b1', 'b2', 'b3', 'b4']) {
        expect(buckets.text(bucket)).toBe(
          expected.get(bucket)?.toString() ?? '0',
        );
      }
    }
  });

  it('refuses what ExactSum refuses', () => {
    const buckets = new BucketSums();
    expect(() => buckets.add('d', '1e5')).toThrow(TypeError);
  });
});
