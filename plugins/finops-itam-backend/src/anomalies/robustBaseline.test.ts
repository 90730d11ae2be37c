import { BaselineWindow, RobustBaseline } from './robustBaseline';

/** A window of `days` calendar days, every day observed, from a function of the offset. */
function windowOf(
  days: number,
  firstWeekday: number,
  amount: (offset: number) => number,
): BaselineWindow {
  const offsets = Int32Array.from({ length: days }, (_, offset) => offset);
  return {
    offsets,
    weekdays: Int8Array.from(
      offsets,
      offset => ((firstWeekday - 1 + offset) % 7) + 1,
    ),
    units: Float64Array.from(offsets, offset => amount(offset)),
    length: days,
  };
}

describe('RobustBaseline', () => {
  const baseline = new RobustBaseline(28);

  it('expects each weekday of an exact weekly pattern to cost what it always costs', () => {
    // Monday first; weekdays 1600 units, weekends 480.
    const weekly = windowOf(28, 1, offset => (offset % 7 >= 5 ? 480 : 1600));
    expect(baseline.estimate(weekly, 1)).toMatchObject({
      expected: 1600,
      spread: 0,
    });
    expect(baseline.estimate(weekly, 6)).toMatchObject({
      expected: 480,
      spread: 0,
    });
  });

  it('is not moved by one spike in the window', () => {
    const spiked = windowOf(28, 1, offset => (offset === 20 ? 160000 : 1600));
    expect(baseline.estimate(spiked, 3).expected).toBe(1600);
  });

  it('follows a steady trend instead of lagging behind it', () => {
    // +16 units a day: the next day (offset 28) is 1600 + 28 × 16.
    const growing = windowOf(28, 1, offset => 1600 + offset * 16);
    expect(baseline.estimate(growing, 1).expected).toBe(1600 + 28 * 16);
  });

  it('expects nothing from an empty window', () => {
    expect(
      baseline.estimate(
        windowOf(0, 1, () => 0),
        1,
      ),
    ).toEqual({ expected: 0, spread: 0, errorCount: 0, prediction: 0 });
  });
});
