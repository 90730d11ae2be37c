import { retentionCutoff } from './retention';

describe('retentionCutoff', () => {
  it('is the first day of the month the given number of months back, in UTC', () => {
    expect(retentionCutoff(new Date('2026-11-27T10:00:00Z'), 25)).toBe(
      '2024-10-01',
    );
    expect(retentionCutoff(new Date('2026-01-01T00:00:00Z'), 1)).toBe(
      '2025-12-01',
    );
    expect(retentionCutoff(new Date('2026-03-31T23:59:59Z'), 12)).toBe(
      '2025-03-01',
    );
  });
});
