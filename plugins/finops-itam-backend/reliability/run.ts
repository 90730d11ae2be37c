/**
 * `yarn test:reliability [scenario ids…]`: runs the fault scenarios against real backend
 * processes on the PostgreSQL at 127.0.0.1:5432, prints each as a row of the table in
 * docs/reliability.md, keeps the rows in .data/reliability/results.json, and exits non-zero
 * when a guarantee did not hold. Each scenario gets its own databases, dropped afterwards.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dropRunDatabases } from './database';
import { Scenario, ScenarioResult } from './scenario';
import { crashDuringUpload } from './scenarios/crashDuringUpload';
import { crashDuringScheduledRuns } from './scenarios/crashDuringScheduledRuns';
import { crashDuringImports } from './scenarios/crashDuringImports';
import { databaseOutage } from './scenarios/databaseOutage';
import { twoReplicas } from './scenarios/twoReplicas';
import { twoReplicasJobs } from './scenarios/twoReplicasJobs';
import { loadWhileWorking } from './scenarios/loadWhileWorking';

const SCENARIOS: Scenario[] = [
  crashDuringUpload,
  crashDuringScheduledRuns,
  crashDuringImports,
  twoReplicas,
  twoReplicasJobs,
  databaseOutage,
  loadWhileWorking,
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function main() {
  const wanted = process.argv.slice(2);
  const scenarios = wanted.length
    ? SCENARIOS.filter(s => wanted.includes(s.id))
    : SCENARIOS;
  const run = Date.now().toString(36);
  const results: Array<ScenarioResult & { id: string; seconds: number }> = [];
  for (const [index, scenario] of scenarios.entries()) {
    const workDir = await mkdtemp(
      path.join(os.tmpdir(), `reliability-${scenario.id}-`),
    );
    const databasePrefix = `rel_${run}_${index}_`;
    const started = Date.now();
    console.log(`== ${scenario.id}`);
    let result: ScenarioResult;
    try {
      result = await scenario.run({
        workDir,
        databasePrefix,
        port: 7300 + index * 10,
        log: line => console.log(`   ${line}`),
      });
    } catch (error) {
      result = {
        fault: scenario.id,
        happened: `the scenario itself failed: ${
          (error as Error).stack ?? error
        }`,
        userSees: '',
        dataLost: 'unknown',
        passed: false,
        failures: [String(error)],
      };
    } finally {
      await dropRunDatabases(databasePrefix).catch(() => undefined);
      await rm(workDir, { recursive: true, force: true });
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push({ id: scenario.id, seconds, ...result });
    console.log(
      `== ${scenario.id}: ${
        result.passed ? 'passed' : 'FAILED'
      } in ${seconds} s`,
    );
    for (const failure of result.failures) console.log(`   - ${failure}`);
  }

  console.log('\n| Fault | What happened | What the user sees | Data lost |');
  console.log('| --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${cell(r.fault)} | ${cell(r.happened)} | ${cell(r.userSees)} | ${cell(
        r.dataLost,
      )} |`,
    );
  }
  const out = path.resolve(__dirname, '../../../.data/reliability');
  await mkdir(out, { recursive: true });
  // Rows of earlier runs stay, each scenario's latest replacing its previous one, so that
  // scenarios run one at a time still add up to the whole table.
  const file = path.join(out, 'results.json');
  const earlier: Array<{ id: string }> = await readFile(file, 'utf8')
    .then(text => JSON.parse(text).results ?? [])
    .catch(() => []);
  const at = new Date().toISOString();
  const merged = [
    ...earlier.filter(e => !results.some(r => r.id === e.id)),
    ...results.map(r => ({ ...r, at })),
  ];
  await writeFile(file, JSON.stringify({ at, results: merged }, null, 2));
  const failed = results.filter(r => !r.passed).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
