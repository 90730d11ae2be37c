/**
 * How every Playwright run here starts its browser: Debian's Chromium (test tools cannot
 * download their own browsers on this network), headless, without the background
 * services that would add network traffic or CPU to what is measured. Used by the
 * end-to-end tests (playwright.config.ts) and the page benchmark (bench/pages).
 */
export const debianChromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
