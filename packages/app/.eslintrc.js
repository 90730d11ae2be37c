module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The Playwright tests are run from the repository root (playwright.config.ts),
      // where @playwright/test is a devDependency; they are not part of the app bundle.
      files: ['e2e-tests/**'],
      rules: { '@backstage/no-undeclared-imports': 'off' },
    },
  ],
});
