// Prints the closing line "N passed, M failed" over the Jest and Playwright JSON reports.
// A report that is missing counts as one failure (its runner crashed or never ran), and so
// does each failed step that has no report of its own (type-check, lint).
// Usage: node scripts/summarize-tests.mjs jest.json playwright.json failedCheckCount
import { existsSync, readFileSync } from 'node:fs';

const [jestReport, playwrightReport, failedChecks] = process.argv.slice(2);

function readJson(path) {
  if (!existsSync(path)) {
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function countJest(report) {
  // Suites that failed to run (syntax errors, crashes) have no test results but must fail.
  const brokenSuites = report.testResults.filter(
    suite => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenSuites,
  };
}

function countPlaywright(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
  };
}

let passed = 0;
let failed = Number(failedChecks ?? 0);
for (const [path, count, label] of [
  [jestReport, countJest, 'Jest'],
  [playwrightReport, countPlaywright, 'Playwright'],
]) {
  const report = readJson(path);
  if (!report) {
    console.error(`${label} report ${path} is missing or unreadable`);
    failed += 1;
    continue;
  }
  const counts = count(report);
  console.log(
    `${label}: ${counts.passed} tests passed, ${counts.failed} tests failed`,
  );
  passed += counts.passed;
  failed += counts.failed;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
