import { ConfigReader } from '@backstage/config';
import { readCountsTowardCommitment } from './marketplaceConfig';

const read = (countsTowardCommitment: unknown) =>
  readCountsTowardCommitment(
    new ConfigReader({
      finopsItam: { marketplace: { countsTowardCommitment } },
    } as any),
  );

describe('readCountsTowardCommitment', () => {
  it('reads provider names with spaces, and nothing when unset (every provider counts)', () => {
    expect(read({ 'Google Cloud': false, AWS: true })).toEqual({
      'Google Cloud': false,
      AWS: true,
    });
    expect(readCountsTowardCommitment(new ConfigReader({}))).toEqual({});
  });

  it('stops start-up on a value that is not true or false, naming the key', () => {
    expect(() => read({ Azure: 'no' })).toThrow(
      'Invalid finopsItam.marketplace.countsTowardCommitment.Azure: must be true or false, not "no"',
    );
    expect(() => read(['AWS'])).toThrow(
      'Invalid finopsItam.marketplace.countsTowardCommitment: must map provider names to true or false',
    );
  });
});
