import { dayRange } from './dayRange';

describe('dayRange', () => {
  it('counts days across a month end and a leap day', () => {
    expect(dayRange('2028-02-28', 3)).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(dayRange('2026-12-31', 0)).toEqual([]);
  });
});
