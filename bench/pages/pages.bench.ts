/* eslint-disable no-console -- a benchmark run in Node by Playwright: it prints its timings. */
import { expect, Page, test } from '@playwright/test';
import { mkdir, writeFile } from 'fs/promises';
import { dirname } from 'path';
import { settlePortal, settleScale } from './settle';
import {
  PAINT_TIMEOUT_MS,
  PageProbe,
  ProbeTimes,
  costTabReady,
  tableReady,
} from './probes';

/**
 * Pages as users get them (issue 19, targets 5 and 6): the production build served by the
 * backend, a warm portal (each page visited once first: code fetched, browser cache filled),
 * then several navigations per page. Times are the page's own clock (performance.now(),
 * polled on every animation frame): for a full load from the navigation's start, for an
 * in-app click from just before the click. Nothing is asserted on time; the numbers go to
 * PAGES_BENCH_OUT and the output, and docs/benchmarks.md reports them.
 */

const BASE = process.env.PAGES_BENCH_URL ?? 'http://localhost:7017';
const REPS = Number(process.env.PAGES_BENCH_REPS ?? 7);
const ENTITY = process.env.PAGES_BENCH_ENTITY ?? 'cart-service';
const OUT = process.env.PAGES_BENCH_OUT ?? 'e2e-artifacts/pages-bench.json';
/** `demo` (settle the demo data first) or a label for another dataset, e.g. `20M`. */
const DATASET = process.env.PAGES_BENCH_DATASET ?? 'demo';

interface Sample extends Partial<ProbeTimes> {
  /** Nothing painted within PAINT_TIMEOUT_MS. */
  timedOut?: boolean;
  /** The slowest finops-itam API call the navigation made, ms and path. */
  slowestApi?: { ms: number; path: string };
}

const results: Record<string, Sample[]> = {};

async function signInAsGuest(page: Page) {
  await page.goto(`${BASE}/`);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible({ timeout: 60_000 });
  await enter.click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}

/** Times of the finops-itam API calls finished while `during` runs. */
async function withApiTimes<T>(
  page: Page,
  during: () => Promise<T>,
): Promise<{ value: T; slowestApi?: Sample['slowestApi'] }> {
  const calls: Array<{ ms: number; path: string }> = [];
  const onFinished = (request: import('@playwright/test').Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/finops-itam/')) return;
    const timing = request.timing();
    calls.push({
      ms: Math.round(timing.responseEnd - Math.max(0, timing.requestStart)),
      path: url.pathname.replace('/api/finops-itam', '') + url.search,
    });
  };
  page.on('requestfinished', onFinished);
  try {
    const value = await during();
    const slowestApi = calls.sort((a, b) => b.ms - a.ms)[0];
    return { value, slowestApi };
  } finally {
    page.off('requestfinished', onFinished);
  }
}

/** A probe's times, or a sample that says nothing painted in time. */
async function orTimeout(measure: () => Promise<ProbeTimes>): Promise<Sample> {
  try {
    return await measure();
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error;
    return { timedOut: true };
  }
}

/** A full load of `path` with the browser cache warm: times from the navigation's start. */
async function fullLoad(
  page: Page,
  path: string,
  probe: PageProbe,
): Promise<Sample> {
  const { value, slowestApi } = await withApiTimes(page, async () => {
    await page.goto(`${BASE}${path}`, { waitUntil: 'commit' });
    return orTimeout(() => probe.measure(page, 0));
  });
  return { ...value, slowestApi };
}

/**
 * Waits until the page has had no request in flight for `quietMs`: the page an in-app
 * navigation starts from has finished loading, so its own work is not timed.
 */
async function quiet(page: Page, quietMs = 500) {
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight++;
    lastChange = Date.now();
  };
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/** An in-app navigation: `navigate` clicks; times from just before the click. */
async function inApp(
  page: Page,
  navigate: () => Promise<void>,
  probe: PageProbe,
) {
  await quiet(page);
  const { value, slowestApi } = await withApiTimes(page, async () => {
    // Earlier navigations' entries go, so the resource timing buffer never fills up.
    const start = await page.evaluate(() => {
      performance.clearResourceTimings();
      return performance.now();
    });
    await navigate();
    return orTimeout(() => probe.measure(page, start));
  });
  return { ...value, slowestApi };
}

function record(name: string, sample: Sample) {
  (results[name] ??= []).push(sample);
  const interactive =
    sample.interactiveMs === undefined
      ? ''
      : `, interactive ${sample.interactiveMs} ms`;
  const calls =
    sample.firstApiStartMs === undefined
      ? ''
      : `; API calls ${sample.firstApiStartMs}–${sample.lastApiEndMs} ms`;
  const api = sample.slowestApi
    ? ` (slowest ${sample.slowestApi.ms} ms ${sample.slowestApi.path})`
    : '';
  if (sample.timedOut) {
    console.log(`${name}: nothing painted within ${PAINT_TIMEOUT_MS} ms`);
    return;
  }
  const empty = sample.emptyState ? ' [empty state]' : '';
  console.log(
    `${name}: content ${sample.contentMs} ms${empty}${interactive}${calls}${api}`,
  );
}

function sidebarLink(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name, exact: true });
}

function entityTab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });
}

const PAGES: Array<{
  name: string;
  path: string;
  sidebar: string;
  probe: PageProbe;
}> = [
  {
    name: 'ITAM (onboarding requests)',
    path: '/finops-itam/itam',
    sidebar: 'ITAM',
    probe: tableReady('Onboarding requests'),
  },
  {
    name: 'Budgets (budgets)',
    path: '/finops-itam/budgets',
    sidebar: 'Budgets',
    // A dataset without budgets (the scale database) shows the page's empty state instead.
    probe: tableReady('Budgets', 'No budgets for this period'),
  },
  {
    name: 'FinOps (KPI trend by month)',
    path: '/finops-itam/finops',
    sidebar: 'FinOps',
    probe: tableReady('KPI trend by month'),
  },
];

test('pages on the production build', async ({ page, request }) => {
  test.setTimeout(30 * 60_000);
  if (DATASET === 'demo') {
    await settlePortal(request, BASE, ENTITY);
  } else {
    await settleScale(request, BASE, ENTITY);
  }
  await signInAsGuest(page);

  // Target 5: the Cost tab of a demo component.
  const costPath = `/catalog/default/component/${ENTITY}/cost`;
  const cost = costTabReady();
  await fullLoad(page, costPath, cost); // warm-up, not counted
  for (let run = 0; run < REPS; run++) {
    await entityTab(page, 'Overview').click();
    await expect(page.getByTestId('finops-itam-all-in-cost')).toHaveCount(0);
    record(
      'Cost tab, tab click',
      await inApp(page, () => entityTab(page, 'Cost').click(), cost),
    );
  }
  for (let run = 0; run < REPS; run++) {
    record('Cost tab, full load', await fullLoad(page, costPath, cost));
  }

  // Target 6: the new pages' main tables.
  for (const target of PAGES) {
    await fullLoad(page, target.path, target.probe); // warm-up, not counted
    for (let run = 0; run < REPS; run++) {
      // From a light page: the catalog's list of thousands of entities at scale would time
      // its own rendering.
      await sidebarLink(page, 'Settings').click();
      await expect(page).toHaveURL(/\/settings/);
      record(
        `${target.name}, sidebar click`,
        await inApp(
          page,
          () => sidebarLink(page, target.sidebar).click(),
          target.probe,
        ),
      );
    }
    for (let run = 0; run < REPS; run++) {
      record(
        `${target.name}, full load`,
        await fullLoad(page, target.path, target.probe),
      );
    }
  }

  const summary = Object.fromEntries(
    Object.entries(results).map(([name, samples]) => [
      name,
      {
        // A sample that painted nothing in time counts as slower than any other.
        content: stats(samples.map(s => s.contentMs ?? Infinity)),
        interactive: samples.some(s => s.interactiveMs !== undefined)
          ? stats(samples.map(s => s.interactiveMs ?? Infinity))
          : undefined,
        timedOut: samples.filter(s => s.timedOut).length,
        samples,
      },
    ]),
  );
  const report = {
    measuredAt: new Date().toISOString(),
    base: BASE,
    dataset: DATASET,
    entity: `component:default/${ENTITY}`,
    repetitions: REPS,
    summary,
  };
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    '| navigation | content p50 | content max | interactive p50 | interactive max |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const ms = (value: number | undefined) => {
    if (value === undefined) return '';
    return value === Infinity ? `> ${PAINT_TIMEOUT_MS} ms` : `${value} ms`;
  };
  for (const [name, s] of Object.entries(summary)) {
    const i = s.interactive;
    console.log(
      `| ${name} | ${ms(s.content.p50)} | ${ms(s.content.max)} | ${ms(
        i?.p50,
      )} | ${ms(i?.max)} |`,
    );
  }
  expect(Object.keys(summary)).toHaveLength(2 + 2 * PAGES.length);
});

/** Median (the lower middle of an even count) and maximum. */
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor((sorted.length - 1) / 2)],
    max: sorted[sorted.length - 1],
  };
}
