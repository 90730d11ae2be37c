import { splitPeriod } from './rollupPieces';

describe('splitPeriod (which rollup rows a period reads)', () => {
  it('reads whole months from month rows and the days around them from day rows', () => {
    expect(splitPeriod({ from: '2025-11-05', to: '2026-02-10' })).toEqual({
      months: ['2025-12', '2026-01'],
      dayRanges: [
        ['2025-11-05', '2025-12-01'],
        ['2026-02-01', '2026-02-10'],
      ],
    });
  });

  it('reads a period of whole months from month rows only', () => {
    expect(splitPeriod({ from: '2026-01-01', to: '2026-03-01' })).toEqual({
      months: ['2026-01', '2026-02'],
      dayRanges: [],
    });
  });

  it('reads a period inside one month, or across two without a whole one, from day rows', () => {
    expect(splitPeriod({ from: '2026-10-01', to: '2026-10-15' })).toEqual({
      months: [],
      dayRanges: [['2026-10-01', '2026-10-15']],
    });
    expect(splitPeriod({ from: '2026-10-20', to: '2026-11-10' })).toEqual({
      months: [],
      dayRanges: [['2026-10-20', '2026-11-10']],
    });
  });
});
