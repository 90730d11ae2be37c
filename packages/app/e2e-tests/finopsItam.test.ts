import { expect, Page, test } from '@playwright/test';

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
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog/default/component/checkout-api');
  await expect(
    page.getByRole('heading', { name: 'checkout-api' }).first(),
  ).toBeVisible();

  await entityTab(page, 'Cost').click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-api\/cost/);
  await expect(
    page.getByText('No cost data for checkout-api yet'),
  ).toBeVisible();
  // The annotation already on the entity is shown as what will map its costs.
  await expect(page.getByText(/application=checkout\|checkout-v2/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/cost-tab.png`, fullPage: true });

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
