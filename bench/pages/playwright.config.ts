import { defineConfig } from '@playwright/test';
import { debianChromium } from '../../playwright.chromium';

/**
 * The page benchmark (`yarn bench:pages`, bench/pages/run.sh), apart from the end-to-end
 * tests: its own folder and `*.bench.ts` files, so `yarn test:e2e` (testDir
 * packages/app/e2e-tests) never runs it. Debian's Chromium, as for the end-to-end tests.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 30 * 60_000,
  expect: { timeout: 60_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../e2e-artifacts/pages-bench-results',
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: debianChromium,
  },
});
