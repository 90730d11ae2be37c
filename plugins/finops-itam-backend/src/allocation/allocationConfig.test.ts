import { ConfigReader } from '@backstage/config';
import { readAllocationConfig } from './allocationConfig';

const read = (finopsItam: object) =>
  readAllocationConfig(new ConfigReader({ finopsItam }));

describe('readAllocationConfig', () => {
  it('keeps 64 MB of cost answers unless told otherwise; 0 turns the cache off', () => {
    expect(read({}).costAnswerCacheMegabytes).toBe(64);
    expect(read({ costAnswerCacheMegabytes: 0 }).costAnswerCacheMegabytes).toBe(
      0,
    );
    expect(
      read({ costAnswerCacheMegabytes: 256 }).costAnswerCacheMegabytes,
    ).toBe(256);
  });

  it('stops on a negative cache size, naming the key', () => {
    expect(() => read({ costAnswerCacheMegabytes: -1 })).toThrow(
      'Invalid finopsItam.costAnswerCacheMegabytes: must be 0 (off) or a positive number of megabytes',
    );
  });
});
