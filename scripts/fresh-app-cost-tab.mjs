// Used by scripts/try-in-fresh-app.sh: opens an entity's Cost tab in the freshly created app
// with Debian's Chromium and exits 0 once the plugin's code has loaded and rendered the tab.
// Usage: node scripts/fresh-app-cost-tab.mjs <app-url> <entity-path> <screenshot.png>
//   e.g. node scripts/fresh-app-cost-tab.mjs http://localhost:3000 default/component/example-website /tmp/cost.png
// It prints one line per finding; the last line says what passed or why it failed.
import { chromium } from '@playwright/test';

const [appUrl, entityPath, screenshot] = process.argv.slice(2);
if (!appUrl || !entityPath || !screenshot) {
  console.error(
    'usage: node scripts/fresh-app-cost-tab.mjs <app-url> <kind-path> <screenshot.png>',
  );
  process.exit(2);
}
const entityName = entityPath.split('/').pop();
// Text that only the plugin's Cost tab renders (ContentHeading in EntityCostContent).
const COST_TAB_TEXT = 'All-in cost of this entity';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let failure;
const page = await browser.newPage();
try {
  // Which served scripts carry the plugin's code: proof that its bundle, not a stub, loaded.
  const pluginScripts = new Set();
  page.on('response', async response => {
    if (!response.url().match(/\.js(\?|$)/)) return;
    const body = await response.text().catch(() => '');
    if (body.includes(COST_TAB_TEXT)) pluginScripts.add(response.url());
  });
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(error.message));

  // The created app shows a sign-in page with the guest provider: enter as guest.
  await page.goto(`${appUrl}/catalog/${entityPath}`, { timeout: 180_000 });
  const enter = page.getByRole('button', { name: 'Enter' });
  const entityHeading = page.getByRole('heading', { name: entityName });
  await enter.or(entityHeading).first().waitFor({ timeout: 120_000 });
  if (await enter.isVisible()) {
    await enter.click();
    console.log('signed in as guest');
  }
  const costTab = page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Cost', exact: true })
    .or(page.getByRole('tab', { name: 'Cost', exact: true }));
  await costTab.first().waitFor({ timeout: 120_000 });
  console.log(`the entity page of ${entityName} has a Cost tab`);
  await costTab.first().click();

  await page.getByText(COST_TAB_TEXT).waitFor({ timeout: 60_000 });
  console.log('the Cost tab rendered the plugin heading');
  // Either an answer from the backend (no cost data in a fresh app) or an error panel.
  const answered = page.getByText(`No cost data for ${entityName} yet`);
  const failed = page.getByText(`Could not load the cost of ${entityName}`);
  await answered.or(failed).first().waitFor({ timeout: 60_000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  if (await failed.isVisible()) {
    failure = `the Cost tab shows an error: ${await failed
      .first()
      .innerText()}`;
  } else {
    console.log(
      `the Cost tab shows the backend's answer: "No cost data for ${entityName} yet"`,
    );
  }
  for (const url of pluginScripts) {
    console.log(`plugin code served in ${new URL(url).pathname}`);
  }
  if (!failure && pluginScripts.size === 0) {
    failure = 'no served script contained the Cost tab code';
  }
  if (pageErrors.length) {
    console.log(`page errors: ${pageErrors.join(' | ')}`);
  }
} catch (error) {
  failure = String(error.message ?? error).split('\n')[0];
  await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
if (failure) {
  console.log(`FAILED: ${failure}`);
  process.exit(1);
}
console.log('ok: the Cost tab loaded and rendered');
