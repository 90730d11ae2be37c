import { defineConfig } from '@playwright/test';
import { debianChromium } from './playwright.chromium';

/**
 * End-to-end tests against the running portal (scripts/e2e.sh starts it). The browser is
 * Debian's Chromium: test tools cannot download their own browsers on this network.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json']],
  outputDir: 'e2e-artifacts/results',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: debianChromium,
  },
});
