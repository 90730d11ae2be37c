import { Page } from '@playwright/test';

/** What a probe measures, in ms from the navigation's start (or the click). */
export interface ProbeTimes {
  /** The main content on screen. */
  contentMs: number;
  /** A control answered a click (Cost tab only). */
  interactiveMs?: number;
  /** The first finops-itam API request started: the app and the page's code are ready. */
  firstApiStartMs?: number;
  /** The last finops-itam API answer that arrived before the content showed. */
  lastApiEndMs?: number;
  /** The page showed its empty state (no data to tabulate) instead of the table. */
  emptyState?: boolean;
}

/** Times, on the page's clock, from `start` to a page's main content (and a control). */
export interface PageProbe {
  measure(page: Page, start: number): Promise<ProbeTimes>;
}

/**
 * When the page's finops-itam API calls started and ended, from the browser's resource
 * timing: splits a navigation into getting the app and code ready, waiting for answers,
 * and drawing them.
 */
async function apiTimes(page: Page, start: number, content: number) {
  const span = await page.evaluate(
    ([from, until]) => {
      const calls = (
        performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      ).filter(
        e =>
          e.name.includes('/api/finops-itam/') &&
          e.startTime >= from &&
          e.responseEnd <= until,
      );
      if (calls.length === 0) return undefined;
      return {
        first: Math.min(...calls.map(c => c.startTime)),
        last: Math.max(...calls.map(c => c.responseEnd)),
      };
    },
    [start, content] as const,
  );
  return span
    ? {
        firstApiStartMs: Math.round(span.first - start),
        lastApiEndMs: Math.round(span.last - start),
      }
    : {};
}

/** How long a page may take before its sample counts as not painted (ms). */
export const PAINT_TIMEOUT_MS = Number(
  process.env.PAGES_BENCH_TIMEOUT_MS ?? 60_000,
);
const WAIT = { polling: 'raf' as const, timeout: PAINT_TIMEOUT_MS };

/**
 * performance.now() on the first animation frame where `condition(arg)` holds: each
 * condition returns the page's clock when it holds (and false before), since the function
 * runs in the page and the time must be taken there.
 */
async function frameWhen(
  page: Page,
  condition: (arg: string) => number | false,
  arg: string,
): Promise<number> {
  const handle = await page.waitForFunction(condition, arg, WAIT);
  return (await handle.jsonValue()) as number;
}

const CUSTOM_PERIOD = 'button[aria-controls="finops-itam-custom-period"]';

/**
 * The Cost tab: content is the all-in figure with a number in it, the cost chart drawn and
 * the period picker on screen; interactive is the picker's Custom button answering a click
 * (it opens the custom period form, which needs no request). The click is a real mouse
 * event at the button's place, sent as soon as the content shows: it waits in the page's
 * event queue while the page is busy, as a user's would (Playwright's own click would
 * first wait for the button to be still, which is not what a user waits for).
 */
export function costTabReady(): PageProbe {
  return {
    async measure(page, start) {
      const handle = await page.waitForFunction(
        (selector: string) => {
          const allIn = document.querySelector(
            '[data-testid="finops-itam-all-in-cost"]',
          );
          const button = document.querySelector(selector);
          const ready =
            !!allIn &&
            /\d/.test(allIn.textContent ?? '') &&
            !!document.querySelector('.recharts-surface') &&
            !!button;
          if (!ready) return false;
          const box = button.getBoundingClientRect();
          return {
            at: performance.now(),
            x: box.left + box.width / 2,
            y: box.top + box.height / 2,
          };
        },
        CUSTOM_PERIOD,
        WAIT,
      );
      const {
        at: content,
        x,
        y,
      } = (await handle.jsonValue()) as {
        at: number;
        x: number;
        y: number;
      };
      await page.mouse.click(x, y);
      const answered = await frameWhen(
        page,
        (selector: string) =>
          document.querySelector(selector)?.getAttribute('aria-expanded') ===
            'true' && performance.now(),
        CUSTOM_PERIOD,
      );
      return {
        contentMs: Math.round(content - start),
        interactiveMs: Math.round(answered - start),
        ...(await apiTimes(page, start, content)),
      };
    },
  };
}

/**
 * A page's main table: the table (or grid) named `label` with a row under its header,
 * data or the table's own empty-state row; or, when the page has nothing to tabulate, its
 * empty state titled `emptyTitle`.
 */
export function tableReady(label: string, emptyTitle?: string): PageProbe {
  return {
    async measure(page, start) {
      const handle = await page.waitForFunction(
        ([name, empty]) => {
          const table = document.querySelector(
            `table[aria-label="${name}"], [role="grid"][aria-label="${name}"], [role="table"][aria-label="${name}"]`,
          );
          if (table && table.querySelectorAll('tr, [role="row"]').length >= 2) {
            return { at: performance.now(), emptyState: false };
          }
          const emptyShown =
            !!empty &&
            [...document.querySelectorAll('h1, h2, h3, h4, h5')].some(
              h => h.textContent?.trim() === empty,
            );
          return emptyShown && { at: performance.now(), emptyState: true };
        },
        [label, emptyTitle ?? ''] as const,
        WAIT,
      );
      const { at, emptyState } = (await handle.jsonValue()) as {
        at: number;
        emptyState: boolean;
      };
      return {
        contentMs: Math.round(at - start),
        ...(emptyState ? { emptyState } : {}),
        ...(await apiTimes(page, start, at)),
      };
    },
  };
}
