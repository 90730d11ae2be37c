import { APIRequestContext, expect, Page, test } from '@playwright/test';

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

interface EntityCost {
  currency: string | null;
  total: string;
  allocation: { state: string };
}

/**
 * The entity's cost as the API answers it, once allocation has caught up with the demo data
 * ingested at start-up and there is a cost to show.
 */
async function settledEntityCost(
  request: APIRequestContext,
  entityPath: string,
): Promise<EntityCost> {
  const token = await guestToken(request);
  let cost: EntityCost | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${BACKEND}/api/finops-itam/entities/${entityPath}/cost`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (!response.ok()) {
          return `HTTP ${response.status()}`;
        }
        cost = await response.json();
        const nonZero = /[1-9]/.test(cost!.total);
        return `${cost!.allocation.state}, ${nonZero ? 'non-zero' : 'zero'}`;
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe('current, non-zero');
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
  // The all-in figure on screen is the API's total, formatted the way the component formats
  // it (same Intl options, the browser's locale, the exact decimal string).
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

  await entityTab(page, 'Licenses').click();
  await expect(
    page.getByText('No license data for checkout-api yet'),
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
