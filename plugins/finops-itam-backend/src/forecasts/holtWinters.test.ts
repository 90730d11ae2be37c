import {
  MIN_MODEL_DAYS,
  fitHoltWinters,
  forecastHoltWinters,
} from './holtWinters';

const weekly = [10, 12, 14, 16, 18, 40, 44];

describe('Holt-Winters', () => {
  it('reproduces an exact weekly pattern with no error', () => {
    const y = Float64Array.from({ length: 8 * 7 }, (_, t) => weekly[t % 7]);
    const fit = fitHoltWinters(y);
    expect(fit.residuals.every(e => Math.abs(e) < 1e-9)).toBe(true);
    const forecast = forecastHoltWinters(fit, 14);
    forecast.forEach((value, i) =>
      expect(value).toBeCloseTo(weekly[(56 + i) % 7], 9),
    );
  });

  it('prefers an undamped trend for a straight line, and a damped one for a trend that flattens', () => {
    const line = Float64Array.from({ length: 70 }, (_, t) => 100 + 3 * t);
    expect(fitHoltWinters(line).parameters.phi).toBe(1);
    const flattening = Float64Array.from(
      { length: 140 },
      (_, t) => 100 + 300 * (1 - Math.exp(-t / 30)),
    );
    expect(fitHoltWinters(flattening).parameters.phi).toBeLessThan(1);
  });

  it('leaves days without data out of the errors and carries the state over them', () => {
    const y = Float64Array.from({ length: 6 * 7 }, (_, t) => weekly[t % 7]);
    y[20] = NaN;
    y[21] = NaN;
    const fit = fitHoltWinters(y);
    expect(fit.residuals).toHaveLength(6 * 7 - 7 - 2);
    expect(forecastHoltWinters(fit, 1)[0]).toBeCloseTo(weekly[0], 9);
  });

  it('needs two weeks of days', () => {
    expect(() => fitHoltWinters(new Float64Array(MIN_MODEL_DAYS - 1))).toThrow(
      'at least 14 days',
    );
  });
});
