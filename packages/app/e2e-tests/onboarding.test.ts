/* eslint-disable no-restricted-imports -- Playwright runs this file in Node, not in the app bundle. */
import { expect, Locator, Page, test } from '@playwright/test';

const SCREENSHOTS = 'e2e-artifacts/screenshots';

/** The demo component the request is filed for; no other test files requests for it. */
const WORKLOAD = 'image-resizer';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}

/**
 * Picks `option` in the `@backstage/ui` select labelled `label`: its trigger is a button
 * named by the current value and the label, its options a listbox in a popover.
 */
async function choose(
  scope: Locator,
  page: Page,
  label: string,
  option: string,
) {
  await scope
    .getByRole('button', { name: new RegExp(`\\b${label}\\b`) })
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A day `days` after today, UTC, as the form takes it. */
function dayFromNow(days: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

test('an ITAM analyst files a request through the form, sees BYOL eligibility fail, approves it with an exception, and the Onboarding card shows it', async ({
  page,
}) => {
  // A new title per run: the demo database keeps the requests of earlier runs.
  const title = `Windows render farm ${Date.now()}`;
  await signInAsGuest(page);

  await page.goto('/finops-itam/itam');
  await page.getByRole('button', { name: 'New onboarding request' }).click();
  const form = page.getByRole('form', { name: 'New onboarding request' });
  await expect(form).toBeVisible();

  await form
    .getByRole('textbox', { name: 'Workload' })
    .fill(`component:default/${WORKLOAD}`);
  await form
    .getByRole('textbox', { name: 'Owner' })
    .fill('group:default/team-catalog');
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form
    .getByRole('textbox', { name: 'Go-live date' })
    .fill(dayFromNow(30));
  await choose(form, page, 'Procurement', 'Enterprise agreement');
  await form.getByRole('textbox', { name: 'Tags' }).fill('cost-center=CC-1200');
  // Windows Server licenses bought after 2019-10-01 may not be brought to AWS shared
  // tenancy: the demo's Datacenter entitlement fails BYOL eligibility there.
  await choose(form, page, 'Provider', 'AWS');
  await choose(form, page, 'Region', 'us-east-1');
  await choose(form, page, 'Tenancy', 'Shared');
  await choose(form, page, 'Instance type', 'm5.xlarge (4 vCPUs)');
  await form.getByRole('textbox', { name: 'Count' }).fill('2');
  await choose(form, page, 'Product', 'Windows Server Datacenter');
  await choose(form, page, 'License model', 'BYOL');
  await page.screenshot({
    path: `${SCREENSHOTS}/itam-new-request.png`,
    fullPage: true,
  });
  await form.getByRole('button', { name: 'File request' }).click();

  // The new request opens with its checks.
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const checks = page.getByRole('list', { name: 'Checks' });
  const byol = checks
    .getByRole('listitem')
    .filter({ hasText: 'BYOL eligibility' });
  await expect(byol).toContainText('Fail');
  await page.screenshot({
    path: `${SCREENSHOTS}/itam-request-detail.png`,
    fullPage: true,
  });

  // Approving despite the failed check needs an exception reason.
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page
    .getByRole('textbox', { name: 'Reason', exact: true })
    .fill('Render farm needed for the spring campaign');
  await page
    .getByRole('textbox', { name: 'Exception reason' })
    .fill('Moving to dedicated hosts within the quarter; ITAM tracks it');
  await page.getByRole('button', { name: 'Submit decision' }).click();
  const decisions = page.getByRole('list', { name: 'Decisions' });
  await expect(decisions).toContainText('Moving to dedicated hosts');
  await expect(page.getByText('Status: Approved')).toBeVisible();

  // The component's Onboarding card shows the approved request and its checks.
  await page.goto(`/catalog/default/component/${WORKLOAD}`);
  const card = page.locator('section, article, div').filter({
    has: page.getByRole('heading', { name: 'Onboarding', exact: true }),
  });
  await expect(card.getByText(title).first()).toBeVisible();
  await expect(card.getByText('Approved').first()).toBeVisible();
  await expect(card.getByText('BYOL eligibility').first()).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/overview-onboarding-approved.png`,
    fullPage: true,
  });
});

test('the ITAM page shows the license position, compliance risks and reharvest candidates', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/finops-itam/itam');
  await expect(
    page.getByRole('button', { name: 'New onboarding request' }),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/itam-onboarding-queue.png`,
    fullPage: true,
  });

  for (const [tab, shot] of [
    ['License position', 'itam-license-position'],
    ['Compliance risks', 'itam-compliance-risks'],
    ['Reharvest', 'itam-reharvest'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    // Every tab ends in a table or an empty state, never a spinner or an error.
    await expect(page.getByRole('progressbar')).toHaveCount(0, {
      timeout: 60_000,
    });
    await expect(page.getByText(/Could not load/)).toHaveCount(0);
    await page.screenshot({
      path: `${SCREENSHOTS}/${shot}.png`,
      fullPage: true,
    });
  }
  // The demo's Windows Server Datacenter shortage is in the position.
  await page.getByRole('tab', { name: 'License position' }).click();
  await expect(
    page.getByText('Windows Server Datacenter').first(),
  ).toBeVisible();
});
