/* eslint-disable no-console, no-restricted-imports -- Playwright runs this file in Node, not in the app bundle: it may log timings and write files. */
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdir, writeFile } from 'fs/promises';
import { pollGet } from './pollGet';

const BACKEND = 'http://localhost:7007';
const SCREENSHOTS = 'e2e-artifacts/screenshots';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}

/** Entity page tabs are links in the page's content navigation. */
function entityTab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });
}

/** A guest's Backstage token, to call the backend the way the signed-in page does. */
async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${BACKEND}/api/auth/guest/refresh`, {
    data: {},
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  const body = await response.json();
  return body.backstageIdentity.token;
}

/**
 * Polls a finops-itam API path as the guest until `state(body)` reads `expected`, and returns
 * that body: the demo data (costs, entitlements, license use) is computed after start-up.
 */
async function settledApi<T>(
  request: APIRequestContext,
  path: string,
  state: (body: T) => string,
  expected: string,
): Promise<T> {
  const token = await guestToken(request);
  let body: T | undefined;
  await expect
    .poll(
      async () => {
        const response = await pollGet(
          request,
          `${BACKEND}/api/finops-itam${path}`,
          { Authorization: `Bearer ${token}` },
        );
        if (typeof response === 'string') return response;
        if (!response.ok()) {
          return `HTTP ${response.status()}`;
        }
        body = await response.json();
        return state(body!);
      },
      { timeout: 90_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(expected);
  return body!;
}

/** Formats an API amount the way the components do: same Intl options, the browser's locale. */
async function formatInPage(page: Page, amount: string, currency: string) {
  return page.evaluate(
    ([value, code]) =>
      new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency: code,
      }).format(value as `${number}`),
    [amount, currency] as const,
  );
}

/** The team card's period: the 30 days ending yesterday, in UTC, as the card asks for it. */
function last30Days(): { from: string; to: string } {
  const to = new Date();
  to.setUTCHours(0, 0, 0, 0);
  const from = new Date(to);
  from.setUTCDate(from.getUTCDate() - 30);
  return {
    from: from.toISOString().slice(0, 10),
    to: to.toISOString().slice(0, 10),
  };
}

interface EntityCost {
  currency: string | null;
  total: string;
  allocation: { state: string };
}

/**
 * The entity's cost as the API answers it once the demo data has settled: every cost
 * source has finished its first ingestion, allocation has caught up with all of them, and
 * the total is the same in two polls in a row. On a fresh start the sources finish one after
 * another, each followed by an allocation run, so "allocation current" alone can be a
 * moment between two of them.
 */
async function settledEntityCost(
  request: APIRequestContext,
  entityPath: string,
): Promise<EntityCost> {
  const token = await guestToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  let cost: EntityCost | undefined;
  let previousTotal: string | undefined;
  await expect
    .poll(
      async () => {
        const sources = await pollGet(
          request,
          `${BACKEND}/api/finops-itam/sources`,
          headers,
        );
        if (typeof sources === 'string') return sources;
        if (!sources.ok()) {
          return `sources: HTTP ${sources.status()}`;
        }
        const statuses: Array<{
          id: string;
          lastRun: { status: string } | null;
          lastIngestion: { status: string } | null;
        }> = await sources.json();
        // A source whose first run is still ingesting already has a (running) ingestion:
        // wait until every source has finished a run, or totals move under the test.
        const waiting = statuses
          .filter(
            s =>
              !s.lastRun ||
              s.lastRun.status === 'running' ||
              !s.lastIngestion ||
              s.lastIngestion.status === 'running',
          )
          .map(s => s.id);
        if (waiting.length > 0) {
          return `waiting for ${waiting.join(', ')}`;
        }
        const response = await pollGet(
          request,
          `${BACKEND}/api/finops-itam/entities/${entityPath}/cost`,
          headers,
        );
        if (typeof response === 'string') return response;
        if (!response.ok()) {
          return `HTTP ${response.status()}`;
        }
        cost = await response.json();
        const stable = cost!.total === previousTotal;
        previousTotal = cost!.total;
        const nonZero = /[1-9]/.test(cost!.total);
        return `${cost!.allocation.state}, ${nonZero ? 'non-zero' : 'zero'}, ${
          stable ? 'stable' : 'changing'
        }`;
      },
      { timeout: 90_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe('current, non-zero, stable');
  return cost!;
}

test('the backend reports its health and database', async ({ request }) => {
  const response = await request.get(`${BACKEND}/api/finops-itam/health`);
  expect(response.ok()).toBe(true);
  expect(await response.json()).toMatchObject({
    status: 'ok',
    database: 'sqlite',
  });
});

test('a guest opens a demo component and sees its Cost tab', async ({
  page,
  request,
}) => {
  const cost = await settledEntityCost(
    request,
    'component/default/checkout-api',
  );
  expect(cost.currency).toBeTruthy();

  await signInAsGuest(page);

  await page.goto('/catalog/default/component/checkout-api');
  await expect(
    page.getByRole('heading', { name: 'checkout-api' }).first(),
  ).toBeVisible();

  await entityTab(page, 'Cost').click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout-api\/cost/,
  );
  // The all-in figure on screen is the API's total, formatted as the component formats
  // amounts: same Intl options, the browser's locale, the exact decimal string.
  const expected = await page.evaluate(
    ([total, currency]) =>
      new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(
        total as `${number}`,
      ),
    [cost.total, cost.currency!] as const,
  );
  await expect(page.getByTestId('finops-itam-all-in-cost')).toHaveText(
    expected,
  );
  await expect(page.getByText(/No cost data for checkout-api/)).toHaveCount(0);
  // The annotation already on the entity is shown as what maps its costs.
  await expect(
    page.getByText(/application=checkout\|checkout-v2/),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/cost-tab.png`,
    fullPage: true,
  });

  // checkout-api runs no licensed software: the tab explains how to declare some.
  await entityTab(page, 'Licenses').click();
  await expect(
    page.getByText('No licensed software found for checkout-api'),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/licenses-tab.png`,
    fullPage: true,
  });
});

test('the component overview shows the Onboarding card', async ({ page }) => {
  await signInAsGuest(page);

  await page.goto('/catalog/default/component/payments-gateway');
  await expect(page.getByText('Onboarding', { exact: true })).toBeVisible();
  await expect(
    page.getByText('No onboarding request for this workload'),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/overview-onboarding.png`,
    fullPage: true,
  });
});

test('a guest opens the Licenses tab of a component that runs licensed software', async ({
  page,
  request,
}) => {
  // payments-gateway runs SQL Server Enterprise BYOL in the demo data and declares more in
  // finops-itam.io/licenses; wait until license use has been computed for it.
  const licenses = await settledApi<{
    products: Array<{ productName: string; covered: boolean }>;
  }>(
    request,
    '/entities/component/default/payments-gateway/licenses',
    body => (body.products.length > 0 ? 'has products' : 'no products'),
    'has products',
  );

  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-gateway');
  await entityTab(page, 'Licenses').click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/payments-gateway\/licenses/,
  );

  const table = page.getByRole('table', {
    name: 'Licensed products used by payments-gateway',
  });
  await expect(table).toBeVisible();
  // One row per product the API reports, plus the header row.
  await expect(table.getByRole('row')).toHaveCount(
    licenses.products.length + 1,
  );
  for (const product of licenses.products) {
    await expect(
      table.getByText(product.productName, { exact: true }).first(),
    ).toBeVisible();
  }
  const shortages = licenses.products.filter(p => !p.covered).length;
  await expect(table.getByText('Shortage', { exact: true })).toHaveCount(
    shortages,
  );
  await page.screenshot({
    path: `${SCREENSHOTS}/licenses-tab-payments-gateway.png`,
    fullPage: true,
  });
});

test('a guest opens a team page and sees its cost card and Cost tab', async ({
  page,
  request,
}) => {
  const period = last30Days();
  const teamCost = await settledApi<{
    currency: string | null;
    total: string;
    entities: Array<{ name: string; title?: string }>;
  }>(
    request,
    `/teams/default/team-checkout/cost?from=${period.from}&to=${period.to}`,
    body => (body.currency ? 'has cost' : 'no cost'),
    'has cost',
  );
  await signInAsGuest(page);
  const expectedTotal = await formatInPage(
    page,
    teamCost.total,
    teamCost.currency!,
  );

  await page.goto('/catalog/default/group/team-checkout');

  // The card on the overview shows the API's 30-day all-in total.
  await expect(page.getByText('Team cost', { exact: true })).toBeVisible();
  await expect(page.getByTestId('finops-itam-team-total')).toHaveText(
    expectedTotal,
  );
  await page.screenshot({
    path: `${SCREENSHOTS}/team-overview-card.png`,
    fullPage: true,
  });

  await entityTab(page, 'Cost').click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/group\/team-checkout\/team-cost/,
  );
  await expect(page.getByRole('heading', { name: 'Team cost' })).toBeVisible();
  await expect(page.getByTestId('finops-itam-team-total')).toHaveText(
    expectedTotal,
  );
  const services = page.getByRole('table', {
    name: 'Services of team-checkout',
  });
  await expect(services.getByRole('row')).toHaveCount(
    teamCost.entities.length + 1,
  );
  await page.screenshot({
    path: `${SCREENSHOTS}/team-cost-tab.png`,
    fullPage: true,
  });

  // Ranking by change is one click (or Enter) on the column heading.
  await services.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByText('Ranked by change, highest first')).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/team-cost-tab-by-change.png`,
    fullPage: true,
  });
});

/**
 * Time from navigation to an interactive Cost tab on a warm portal: the all-in figure shows
 * the API's total and the period picker takes clicks. Recorded, not asserted (wall-clock
 * limits belong in benchmarks, not tests): the numbers go to the run's output and to
 * e2e-artifacts/timings/cost-tab.json, and docs/benchmarks.md reports them.
 */
test('time to an interactive Cost tab on a warm portal', async ({
  page,
  request,
}) => {
  // Six navigations and a full reload on the development server: more than the default.
  test.setTimeout(240_000);
  const cost = await settledEntityCost(
    request,
    'component/default/cart-service',
  );
  await signInAsGuest(page);
  const expected = await formatInPage(page, cost.total, cost.currency!);
  const allIn = page.getByTestId('finops-itam-all-in-cost');
  const picker = page.getByRole('button', { name: 'Last 90 days' });
  const interactive = async () => {
    await expect(allIn).toHaveText(expected);
    await expect(picker).toBeEnabled();
  };

  // Warm-up: the first visit loads the plugin's code and fills the browser cache.
  await page.goto('/catalog/default/component/cart-service/cost');
  await interactive();

  // In-app navigation, as a user moves between tabs: Overview, then Cost.
  const tabClicks: number[] = [];
  for (let run = 0; run < 5; run++) {
    await entityTab(page, 'Overview').click();
    await expect(allIn).toHaveCount(0);
    const started = Date.now();
    await entityTab(page, 'Cost').click();
    await interactive();
    tabClicks.push(Date.now() - started);
  }
  // A full page load of the Cost tab's address (served by the development server).
  const started = Date.now();
  await page.reload();
  await interactive();
  const pageLoad = Date.now() - started;

  const summary = {
    measuredAt: new Date().toISOString(),
    entity: 'component:default/cart-service',
    tabClickMs: summarize(tabClicks),
    fullPageLoadMs: pageLoad,
  };
  console.log(`Cost tab time to interactive: ${JSON.stringify(summary)}`);
  await mkdir('e2e-artifacts/timings', { recursive: true });
  await writeFile(
    'e2e-artifacts/timings/cost-tab.json',
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  expect(tabClicks).toHaveLength(5);
});

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples,
    median: sorted[Math.floor(sorted.length / 2)],
    max: sorted[sorted.length - 1],
  };
}
