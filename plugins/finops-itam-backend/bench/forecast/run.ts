/*
 * yarn bench:forecast [--entities 5000] [--days 400] [--end 2026-12-06] [--time-only]
 *   [--no-detection]
 *
 * 1. Backtest: on demo-like daily series (demoLikeSeries.ts), forecast from three origins (90,
 *    180 and 270 days before the end) and compare with what followed: MAPE of the 7, 30 and
 *    90-day totals and of the days, the share of entities within the FinOps Foundation bands
 *    (20 %, 15 %, 12 %), next to a seasonal-naive forecast for scale.
 * 2. The grid: the shipped parameter grid against one twice as fine, on 500 entities.
 * 3. Time: every entity's full history forecast 12 months ahead and projected to the end of
 *    its month, quarter and year and month by month, then anomaly detection on the same series
 *    (skipped with --no-detection), as the scheduled run will; wall and CPU time, peak memory.
 */
import { DateTime } from 'luxon';
import os from 'node:os';
import { detectCostAnomalies } from '../../src/anomalies';
import { forecastCost } from '../../src/forecasts/forecastCost';
import {
  PARAMETER_GRID,
  ParameterGrid,
  fitHoltWinters,
} from '../../src/forecasts/holtWinters';
import { periodContaining } from '../../src/forecasts/periods';
import {
  horizonTo,
  monthlyOutlook,
  outlookHorizon,
  projectPeriod,
} from '../../src/forecasts/projectPeriod';
import { DailyAmount } from '../../src/forecasts/types';
import {
  BANDS,
  HORIZONS,
  horizonError,
  seasonalNaive,
  summarise,
} from './accuracy';
import { benchDays, demoLikeEntities } from './demoLikeSeries';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

const ENTITIES = Number(argument('entities', '5000'));
const DAYS = Number(argument('days', '400'));
const END = argument('end', '2026-12-06');
const ORIGINS_BEFORE_END = [90, 180, 270];
const GRID_SAMPLE = 500;
const BATCH = 250;
const SKIP_BACKTEST = process.argv.includes('--time-only');
const DETECTION = !process.argv.includes('--no-detection');
const FINE_GRID: ParameterGrid = {
  alpha: [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.65, 0.8, 0.9],
  beta: [0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2],
  gamma: [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5],
  phi: [0.85, 0.9, 0.95, 0.98, 1],
};

/** CPU milliseconds of this process: the machine is shared, so wall time says little. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const days = benchDays(END, DAYS);
const entities = demoLikeEntities(ENTITIES, days);
// The store hands the forecast decimal strings; build them once, outside the timings.
const series: DailyAmount[][] = entities.map(entity =>
  days.map((day, t) => ({ day, amount: entity.values[t].toFixed(2) })),
);

function backtest(grid?: ParameterGrid) {
  const model = HORIZONS.map(() => ({
    total: [] as number[],
    daily: [] as number[],
  }));
  const naive = HORIZONS.map(() => ({
    total: [] as number[],
    daily: [] as number[],
  }));
  const methods = new Map<string, number>();
  // Actual days inside the day's band, per horizon: the band is meant as 10th–90th percentile.
  const banded = HORIZONS.map(() => ({ inside: 0, days: 0 }));
  const sample = grid ? entities.slice(0, GRID_SAMPLE) : entities;
  const origins = grid ? [ORIGINS_BEFORE_END[0]] : ORIGINS_BEFORE_END;
  const started = cpuNow();
  // MAPE of the longest horizon's total per origin: where in the year the errors come from.
  const byOrigin = new Map<number, number[]>();
  for (const before of origins) {
    const cut = DAYS - before;
    const originErrors: number[] = [];
    byOrigin.set(before, originErrors);
    sample.forEach((entity, index) => {
      const actual = entity.values.subarray(cut, cut + 90);
      let expected: Float64Array;
      if (grid) {
        expected = forecastWithGrid(entity.values.subarray(0, cut), grid);
      } else {
        const forecast = forecastCost(
          {
            currency: 'USD',
            absentDays: 'zero-cost',
            days: series[index].slice(0, cut),
          },
          90,
        );
        methods.set(forecast.method, (methods.get(forecast.method) ?? 0) + 1);
        expected = Float64Array.from(forecast.days, d => Number(d.expected));
        HORIZONS.forEach((h, i) => {
          for (let d = 0; d < h; d++) {
            const { low, high } = forecast.days[d];
            banded[i].days++;
            if (Number(low) <= actual[d] && actual[d] <= Number(high)) {
              banded[i].inside++;
            }
          }
        });
      }
      const longest = horizonError(expected, actual, 90).total;
      if (longest !== null) originErrors.push(longest);
      const baseline = seasonalNaive(entity.values.subarray(0, cut), 90);
      HORIZONS.forEach((h, i) => {
        for (const [into, values] of [
          [model[i], expected],
          [naive[i], baseline],
        ] as const) {
          const error = horizonError(values, actual, h);
          if (error.total !== null) into.total.push(error.total);
          if (error.daily !== null) into.daily.push(error.daily);
        }
      });
    });
  }
  return {
    model,
    naive,
    methods,
    banded,
    byOrigin,
    ms: cpuNow() - started,
  };
}

/** The model's expected days with another grid, for the grid comparison only. */
function forecastWithGrid(history: Float64Array, grid: ParameterGrid) {
  const fit = fitHoltWinters(history, grid);
  const { level, trend, season, length } = fit.state;
  const out = new Float64Array(90);
  let damped = 0;
  for (let h = 1; h <= 90; h++) {
    damped += fit.parameters.phi ** h;
    out[h - 1] = Math.max(
      0,
      level + damped * trend + season[(length - 1 + h) % 7],
    );
  }
  return out;
}

function timedRun() {
  const start = DateTime.fromISO(days[days.length - 1], { zone: 'utc' })
    .plus({ days: 1 })
    .toISODate()!;
  const horizon = Math.max(
    outlookHorizon(start),
    ...(['quarter', 'year'] as const).map(kind =>
      horizonTo(start, periodContaining(start, kind).end),
    ),
  );
  const time = { forecast: 0, projection: 0, detection: 0 };
  let projections = 0;
  let anomalies = 0;
  const cpuBefore = process.cpuUsage();
  const wallStarted = performance.now();
  // In batches, as a scheduled run reads entities: each phase is timed over a whole batch,
  // since reading the CPU clock per entity cost a tenth of the run.
  for (let first = 0; first < ENTITIES; first += BATCH) {
    const batch = series.slice(first, first + BATCH);
    let before = cpuNow();
    const forecasts = batch.map(days_ =>
      forecastCost(
        { currency: 'USD', absentDays: 'zero-cost', days: days_ },
        horizon,
      ),
    );
    time.forecast += cpuNow() - before;
    before = cpuNow();
    for (let i = 0; i < batch.length; i++) {
      const actual = { currency: 'USD', days: batch[i] };
      for (const kind of ['month', 'quarter', 'year'] as const) {
        projectPeriod(periodContaining(start, kind), actual, forecasts[i]);
        projections++;
      }
      projections += monthlyOutlook(actual, forecasts[i]).length;
    }
    time.projection += cpuNow() - before;
    if (!DETECTION) continue;
    before = cpuNow();
    // Issue 16 times forecast and detection as one scheduled run: the detection helper's
    // pure function, on the same series.
    for (let i = 0; i < batch.length; i++) {
      anomalies += detectCostAnomalies(
        {
          entityRef: entities[first + i].name,
          currency: 'USD',
          days: batch[i],
          absentDays: 'zero-cost',
        },
        { asOf: start },
      ).anomalies.length;
    }
    time.detection += cpuNow() - before;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ms: performance.now() - wallStarted,
    cpuMs: (cpu.user + cpu.system) / 1000,
    time,
    horizon,
    projections,
    anomalies,
  };
}

function table(title: string, result: ReturnType<typeof backtest>) {
  const bands = BANDS.map(percent).join(' / ');
  console.log(`\n${title}`);
  console.log(
    `| horizon | MAPE of the total | median | within ${bands} | daily MAPE | ` +
      `days inside the band | seasonal-naive MAPE of the total | naive within ${bands} |`,
  );
  console.log('|---|---|---|---|---|---|---|---|');
  HORIZONS.forEach((h, i) => {
    const total = summarise(result.model[i].total);
    const daily = summarise(result.model[i].daily);
    const naive = summarise(result.naive[i].total);
    const band = result.banded[i];
    const cells = [
      `${h} days`,
      percent(total.mean),
      percent(total.median),
      total.within.map(percent).join(' / '),
      percent(daily.mean),
      percent(band.inside / (band.days || 1)),
      percent(naive.mean),
      naive.within.map(percent).join(' / '),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  });
}

console.log(
  `bench:forecast: ${ENTITIES} entities × ${DAYS} days to ${END}; node ${process.version}, ` +
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`,
);

if (!SKIP_BACKTEST) runBacktests();

function runBacktests() {
  const accuracy = backtest();
  table(
    `Backtest, ${ORIGINS_BEFORE_END.length} origins (${ORIGINS_BEFORE_END.join(
      ', ',
    )} days before the end), ` +
      `${seconds(accuracy.ms)} CPU; methods ${JSON.stringify(
        Object.fromEntries(accuracy.methods),
      )}`,
    accuracy,
  );
  const origins = [...accuracy.byOrigin].map(([before, errors]) => {
    const from = days[DAYS - before];
    return `from ${from} (${before} days before the end) ${percent(
      summarise(errors).mean,
    )}`;
  });
  console.log(`\n90-day MAPE of the total by origin: ${origins.join(', ')}`);

  for (const [name, grid] of [
    ['shipped', PARAMETER_GRID],
    ['twice as fine', FINE_GRID],
  ] as const) {
    const result = backtest(grid);
    const size = [grid.alpha, grid.beta, grid.gamma, grid.phi]
      .map(values => values.length)
      .join('×');
    const errors = HORIZONS.map(
      (h, i) =>
        `${h} days MAPE of the total ${percent(
          summarise(result.model[i].total).mean,
        )}`,
    ).join(', ');
    console.log(
      `\nGrid ${name} (${size}) on ${Math.min(
        GRID_SAMPLE,
        ENTITIES,
      )} entities, ` +
        `origin ${ORIGINS_BEFORE_END[0]} days before the end, ` +
        `${seconds(result.ms)} CPU: ${errors}`,
    );
  }
}

const run = timedRun();
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `\nOne run over ${ENTITIES} entities × ${DAYS} days: ${seconds(
    run.ms,
  )} wall, ` +
    `${seconds(run.cpuMs)} CPU of this process, peak RSS ${rssMb.toFixed(
      0,
    )} MB (series included)`,
);
console.log(
  `- forecast ${run.horizon} days ahead: ${seconds(run.time.forecast)} CPU ` +
    `(${(run.time.forecast / ENTITIES).toFixed(2)} ms per entity)`,
);
console.log(
  `- ${run.projections} period projections (month, quarter, year, 12 months): ` +
    `${seconds(run.time.projection)} CPU`,
);
if (DETECTION) {
  console.log(
    `- anomaly detection (src/anomalies, defaults): ${seconds(
      run.time.detection,
    )} CPU, ` + `${run.anomalies} anomalies`,
  );
}
