import { HoltWintersParameters } from './types';

/**
 * Additive Holt-Winters with a damped trend and a weekly season: ETS(A,Ad,A) in the
 * error-correction form of Hyndman & Athanasopoulos, "Forecasting: Principles and Practice"
 * (3rd ed., §8.3 "Methods with seasonality", damped Holt-Winters), after Holt (1957),
 * Winters (1960) and Gardner & McKenzie (1985) for the damping:
 *
 *   forecast  ŷ(t)  = l(t−1) + φ·b(t−1) + s(t−m)
 *   level     l(t)  = α·(y(t) − s(t−m)) + (1 − α)·(l(t−1) + φ·b(t−1))
 *   trend     b(t)  = β·(l(t) − l(t−1)) + (1 − β)·φ·b(t−1)
 *   season    s(t)  = γ·(y(t) − l(t−1) − φ·b(t−1)) + (1 − γ)·s(t−m)
 *   h ahead   ŷ(n+h) = l(n) + (φ + φ² + … + φ^h)·b(n) + s(n+h−m)
 *
 * with m = 7. Written here rather than taken from a package: the one npm package with
 * seasonal models (`arima`) is a single-maintainer WebAssembly build of ARIMA, not
 * exponential smoothing, and fitting it 5,000 times per run is far over the time budget; the
 * method is twenty lines, and these are tested against series with known answers.
 *
 * Parameters are fitted by minimising the sum of squared one-step-ahead errors over a small
 * grid (`PARAMETER_GRID`), not by a numerical optimiser: a grid cannot diverge, is the same on
 * every machine, and its cost is fixed (see `yarn bench:forecast`).
 *
 * Days without data are NaN: the model forecasts them and carries on as if the forecast had
 * been observed, so they neither move the state nor count as errors.
 */

/** Days in a season: cloud cost follows the working week. */
export const SEASON = 7;

/** Observed days needed to start the model: two seasons, one to set the shape, one the trend. */
export const MIN_MODEL_DAYS = 2 * SEASON;

/**
 * Candidate values: 126 points once β ≤ α (the usual admissible region) is applied, each a
 * pass over the history. A grid about twice as fine in every direction (2,560 points) gave
 * the same backtest errors for 15 times the CPU time (`yarn bench:forecast`, docs/benchmarks.md).
 * Damping includes 1 so a straight trend can be followed exactly.
 */
export const PARAMETER_GRID: ParameterGrid = {
  alpha: [0.05, 0.15, 0.3, 0.5, 0.8],
  beta: [0, 0.02, 0.1],
  gamma: [0.02, 0.1, 0.3],
  phi: [0.9, 0.98, 1],
};

/** Candidate values of each parameter. */
export interface ParameterGrid {
  alpha: readonly number[];
  beta: readonly number[];
  gamma: readonly number[];
  phi: readonly number[];
}

/** The state after the last day of history, enough to forecast any day after it. */
export interface HoltWintersState {
  level: number;
  trend: number;
  /** Season by `t % SEASON`, t counting days from the first of the history. */
  season: Float64Array;
  /** Days of history, so day n + h − 1 (0-based) is the h-th forecast day. */
  length: number;
}

export interface HoltWintersFit {
  parameters: HoltWintersParameters;
  state: HoltWintersState;
  /** One-step-ahead errors (actual − forecast) of the observed days after the first season. */
  residuals: number[];
}

/** Mean of the observed (non-NaN) values of `y[from..to)`; NaN when none is observed. */
function observedMean(y: Float64Array, from: number, to: number): number {
  let sum = 0;
  let count = 0;
  for (let t = from; t < to; t++) {
    if (!Number.isNaN(y[t])) {
      sum += y[t];
      count++;
    }
  }
  return count === 0 ? NaN : sum / count;
}

/**
 * Starting state at the end of the first season (Hyndman & Athanasopoulos' simple
 * initialisation): the trend from the difference of the first two weeks' means, the level
 * at the first week's last day, and the season as each day's distance from that line.
 */
function initialState(y: Float64Array): HoltWintersState {
  const first = observedMean(y, 0, SEASON);
  const second = observedMean(y, SEASON, 2 * SEASON);
  const base = Number.isNaN(first) ? second : first;
  const trend =
    Number.isNaN(first) || Number.isNaN(second) ? 0 : (second - first) / SEASON;
  // The first week's mean sits at its middle day (3); the level is wanted at its last (6).
  const level = base + 3 * trend;
  const season = new Float64Array(SEASON);
  for (let t = 0; t < SEASON; t++) {
    const value = Number.isNaN(y[t]) ? NaN : y[t] - (base + (t - 3) * trend);
    season[t] = Number.isNaN(value) ? 0 : value;
  }
  return { level, trend, season, length: SEASON };
}

/**
 * Runs the recursions from the second season to the end of `y`. Returns the sum of squared
 * errors; fills `state` with the final state and `residuals` (when given) with the errors.
 */
function run(
  y: Float64Array,
  p: HoltWintersParameters,
  start: HoltWintersState,
  state: HoltWintersState,
  residuals?: number[],
): number {
  const { alpha, beta, gamma, phi } = p;
  const season = state.season;
  season.set(start.season);
  let level = start.level;
  let trend = start.trend;
  let sse = 0;
  for (let t = SEASON; t < y.length; t++) {
    const slot = t % SEASON;
    const s = season[slot];
    const damped = phi * trend;
    const forecast = level + damped + s;
    let value = y[t];
    // No optional call (`residuals?.push`) here: the transpiled helper it becomes made this
    // loop, which runs tens of thousands of times per entity, ten times slower.
    if (Number.isNaN(value)) {
      value = forecast;
    } else {
      const error = value - forecast;
      sse += error * error;
      if (residuals) residuals.push(error);
    }
    const nextLevel = alpha * (value - s) + (1 - alpha) * (level + damped);
    trend = beta * (nextLevel - level) + (1 - beta) * damped;
    season[slot] = gamma * (value - level - damped) + (1 - gamma) * s;
    level = nextLevel;
  }
  state.level = level;
  state.trend = trend;
  state.length = y.length;
  return sse;
}

/**
 * Fits the model to a daily series (NaN for days without data) with at least
 * `MIN_MODEL_DAYS` days, choosing the point of `grid` (the benchmark tries others) with the smallest squared one-step error.
 * Ties go to the first grid point, so the answer is the same on every run.
 */
export function fitHoltWinters(
  y: Float64Array,
  grid: ParameterGrid = PARAMETER_GRID,
): HoltWintersFit {
  if (y.length < MIN_MODEL_DAYS) {
    throw new RangeError(
      `Holt-Winters needs at least ${MIN_MODEL_DAYS} days, got ${y.length}`,
    );
  }
  const start = initialState(y);
  const scratch: HoltWintersState = {
    level: 0,
    trend: 0,
    season: new Float64Array(SEASON),
    length: 0,
  };
  let best: HoltWintersParameters | null = null;
  let bestSse = Infinity;
  for (const alpha of grid.alpha) {
    for (const beta of grid.beta) {
      if (beta > alpha) continue;
      for (const gamma of grid.gamma) {
        for (const phi of grid.phi) {
          const parameters = { alpha, beta, gamma, phi };
          const sse = run(y, parameters, start, scratch);
          if (sse < bestSse) {
            bestSse = sse;
            best = parameters;
          }
        }
      }
    }
  }
  // Every SSE is finite for finite input, so a best point always exists.
  const parameters = best!;
  const state: HoltWintersState = {
    level: 0,
    trend: 0,
    season: new Float64Array(SEASON),
    length: 0,
  };
  const residuals: number[] = [];
  run(y, parameters, start, state, residuals);
  return { parameters, state, residuals };
}

/** Expected values of the `horizon` days after the history. */
export function forecastHoltWinters(
  fit: Pick<HoltWintersFit, 'parameters' | 'state'>,
  horizon: number,
): Float64Array {
  const { phi } = fit.parameters;
  const { level, trend, season, length } = fit.state;
  const out = new Float64Array(horizon);
  let dampedSum = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= phi;
    dampedSum += power;
    out[h - 1] = level + dampedSum * trend + season[(length - 1 + h) % SEASON];
  }
  return out;
}
