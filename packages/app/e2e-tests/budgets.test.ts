/* eslint-disable no-restricted-imports -- Playwright runs this file in Node, not in the app bundle. */
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { pollGet } from './pollGet';

/**
 * Budgets and anomalies (issue 16) on the demo data: packages/focus-generator writes the
 * budgets with the exports (team-checkout's cloud budget at risk, checkout-api's and
 * team-catalog's on track, for the current quarter) and one clear spike, checkout-api's
 * retry storm on the DynamoDB table checkout-sessions, a week before the latest complete day.
 */

const BACKEND = 'http://localhost:7007';
const SCREENSHOTS = 'e2e-artifacts/screenshots';

/** The words the budget components show for each status (BUDGET_STATUS_WORDS). */
const STATUS_WORDS: Record<string, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  over: 'Over',
  under: 'Under',
};

/**
 * First runs on a fresh portal: every cost source ingests, allocation runs, the budget
 * source reads its file once the catalog knows the teams, detection runs after that.
 */
const SETTLE = { timeout: 300_000, intervals: [2_000, 5_000, 10_000] };

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
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
 * that body. The state is what a failure message shows, so it says what was seen instead.
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
    .poll(async () => {
      const response = await pollGet(
        request,
        `${BACKEND}/api/finops-itam${path}`,
        { Authorization: `Bearer ${token}` },
      );
      if (typeof response === 'string') return response;
      if (!response.ok()) return `HTTP ${response.status()}`;
      body = await response.json();
      return state(body!);
    }, SETTLE)
    .toBe(expected);
  return body!;
}

interface EntityBudget {
  budget: { id: string; scope: string } | null;
  status: string | null;
  message: string | null;
}

interface AnomalyList {
  items: Array<{
    kind: string;
    date: string;
    impact: string | null;
    drivers: Array<{ kind: string; name: string }>;
  }>;
}

/** The retry storm: a cost increase that names checkout-sessions among its drivers. */
const isRetryStorm = (anomaly: AnomalyList['items'][number]) =>
  anomaly.kind === 'cost-increase' &&
  anomaly.drivers.some(
    d => d.kind === 'resource' && d.name === 'checkout-sessions',
  );

/**
 * The card headed "Budget": the innermost element holding both the heading and `text`, so
 * a status word elsewhere on the page does not count.
 */
function budgetCardWith(page: Page, text: string) {
  return page
    .locator('div')
    .filter({
      has: page.getByRole('heading', { name: 'Budget', exact: true }),
    })
    .filter({ hasText: text })
    .last();
}

test("team checkout's budget card says the demo budget is at risk", async ({
  page,
  request,
}) => {
  test.setTimeout(360_000);
  // The demo sets this budget between the team's actual and its forecast.
  const entry = await settledApi<EntityBudget>(
    request,
    '/entities/group/default/team-checkout/budget',
    body => `${body.budget?.id ?? 'no budget'}: ${body.status ?? body.message}`,
    `${await budgetId(request, 'team-checkout-cloud')}: at-risk`,
  );
  expect(entry.budget!.scope).toBe('cloud');

  await signInAsGuest(page);
  await page.goto('/catalog/default/group/team-checkout');
  const card = budgetCardWith(page, STATUS_WORDS['at-risk']);
  await expect(card).toBeVisible();
  await expect(card.getByText('At risk', { exact: true })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: `${SCREENSHOTS}/budgets-team-card.png`,
    fullPage: true,
  });
});

test("checkout-api's Cost tab shows its budget status and the retry storm, whose marker opens its drivers", async ({
  page,
  request,
}) => {
  test.setTimeout(360_000);
  const anomalies = await settledApi<AnomalyList>(
    request,
    `/anomalies?entityRef=${encodeURIComponent(
      'component:default/checkout-api',
    )}`,
    body => (body.items.some(isRetryStorm) ? 'found' : 'not yet'),
    'found',
  );
  // The largest such increase: Black Friday's traffic can be one too, by the same table.
  // Impacts are compared as numbers only to pick one.
  const spike = anomalies.items
    .filter(isRetryStorm)
    .sort((a, b) => Number(b.impact) - Number(a.impact))[0];
  const entry = await settledApi<EntityBudget>(
    request,
    '/entities/component/default/checkout-api/budget',
    body =>
      body.budget && body.status ? 'has status' : `${body.message ?? 'none'}`,
    'has status',
  );
  const word = STATUS_WORDS[entry.status!];

  await signInAsGuest(page);
  // The default period, the last 30 days, holds the spike a week before the latest day.
  await page.goto('/catalog/default/component/checkout-api/cost');
  const card = budgetCardWith(page, word);
  await expect(card).toBeVisible();
  await expect(card.getByText(word, { exact: true })).toBeVisible();

  const marker = page.getByRole('button', {
    name: `Anomaly on ${spike.date}`,
  });
  await expect(marker).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/budgets-cost-tab.png`,
    fullPage: true,
  });

  // Keyboard first: the marker takes focus and opens on Enter.
  await marker.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Anomaly on ${spike.date}`);
  await expect(dialog).toContainText('checkout-sessions');
  await expect(dialog).toContainText('Amazon DynamoDB');
  await page.screenshot({
    path: `${SCREENSHOTS}/budgets-anomaly-drivers.png`,
    fullPage: true,
  });
});

/**
 * The id of a generated demo budget for the quarter of today: `<name>-<yyyy>q<n>`
 * (packages/focus-generator, demoBudgets.ts). Read from the budget list so the test does not
 * compute calendars of its own; it fails if the demo budget is missing.
 */
async function budgetId(
  request: APIRequestContext,
  name: string,
): Promise<string> {
  const list = await settledApi<{ items: Array<{ budget: { id: string } }> }>(
    request,
    '/budgets',
    body =>
      body.items.some(i => i.budget.id.startsWith(`${name}-`))
        ? 'listed'
        : `not listed (${body.items.map(i => i.budget.id).join(', ')})`,
    'listed',
  );
  return list.items.find(i => i.budget.id.startsWith(`${name}-`))!.budget.id;
}
