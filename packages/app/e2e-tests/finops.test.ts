/* eslint-disable no-restricted-imports -- Playwright runs this file in Node, not in the app bundle. */
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { pollGet } from './pollGet';

/**
 * The FinOps page (issue 17) on the demo data: the effective savings rate against list prices
 * and the allocation coverage on screen are the API's answer for the same period.
 */

const BACKEND = 'http://localhost:7007';
const SCREENSHOTS = 'e2e-artifacts/screenshots';

/** First runs on a fresh portal: every cost source ingests and allocation runs. */
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

interface Kpi {
  value: string | null;
}

interface KpiAnswer {
  currency: string | null;
  effectiveSavingsRate: { againstList: Kpi };
  allocationCoverage: Kpi;
}

/**
 * `GET /kpis` for a period once the demo data has settled: cost is there and two answers in
 * a row agree, so the page loaded next reads the same figures.
 */
async function settledKpis(
  request: APIRequestContext,
  period: { from: string; to: string },
): Promise<KpiAnswer> {
  const token = await guestToken(request);
  let previous = '';
  let body: KpiAnswer | undefined;
  await expect
    .poll(async () => {
      const response = await pollGet(
        request,
        `${BACKEND}/api/finops-itam/kpis?from=${period.from}&to=${period.to}`,
        { Authorization: `Bearer ${token}` },
      );
      if (typeof response === 'string') return response;
      if (!response.ok()) return `HTTP ${response.status()}`;
      body = await response.json();
      if (!body!.currency || body!.allocationCoverage.value === null) {
        return 'no cost yet';
      }
      const text = JSON.stringify(body);
      const state = text === previous ? 'settled' : 'still moving';
      previous = text;
      return state;
    }, SETTLE)
    .toBe('settled');
  return body!;
}

/**
 * A KPI ratio as the page shows it: percent with one decimal, rounded half up (away from
 * zero), worked on the decimal string so no float rounding differs from the page's decimal.js.
 */
function percentText(ratio: string): string {
  const negative = ratio.startsWith('-');
  const [whole, fraction = ''] = ratio.replace(/^[-+]/, '').split('.');
  const digits = fraction.padEnd(4, '0');
  let tenths = BigInt(`${whole}${digits.slice(0, 3)}`);
  if (Number(digits[3]) >= 5) tenths += BigInt(1);
  const text = tenths.toString().padStart(2, '0');
  const sign = negative && tenths !== BigInt(0) ? '-' : '';
  return `${sign}${text.slice(0, -1)}.${text.slice(-1)}%`;
}

test('the FinOps page shows the API’s effective savings rate and allocation coverage', async ({
  page,
  request,
}) => {
  test.setTimeout(360_000);
  await signInAsGuest(page);

  // The page's default period, the last 30 days, computed in the browser as the page does.
  const period = await page.evaluate(() => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    return { from: day(-30), to: day(0) };
  });
  const kpis = await settledKpis(request, period);

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'FinOps' })
    .click();
  await expect(page).toHaveURL(/\/finops-itam\/finops/);

  const esr = page.getByRole('group', {
    name: 'Effective savings rate against list prices',
  });
  await expect(esr.getByTestId('finops-itam-kpi-value')).toHaveText(
    percentText(kpis.effectiveSavingsRate.againstList.value!),
  );
  const allocation = page.getByRole('group', { name: 'Allocation coverage' });
  await expect(allocation.getByTestId('finops-itam-kpi-value')).toHaveText(
    percentText(kpis.allocationCoverage.value!),
  );
  await expect(allocation.getByText(/^Maturity: /)).toBeVisible();
  await expect(
    page.getByRole('grid', { name: 'KPI trend by month' }),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/finops-kpis.png`,
    fullPage: true,
  });

  // A term's tooltip links to its entry on the glossary tab.
  await esr.getByRole('link', { name: 'Effective savings rate' }).click();
  await expect(page).toHaveURL(/tab=glossary#effective-savings-rate/);
  await expect(page.locator('#effective-savings-rate')).toBeVisible();
  await expect(
    page.getByRole('grid', { name: 'Accountability' }),
  ).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/finops-glossary.png`,
    fullPage: true,
  });
});
