/** What every reliability scenario shares: a working folder, a database prefix, a result row. */
import { readdir } from 'node:fs/promises';
import os from 'node:os';

export interface ScenarioContext {
  /** Folder for generated exports, config files and logs of this run. */
  workDir: string;
  /** Database prefix of this scenario (`rel_<run>_<scenario>_`), dropped afterwards. */
  databasePrefix: string;
  /** First of the ports this scenario may use (it may use the next few too). */
  port: number;
  log(line: string): void;
}

/** One row of the table in docs/reliability.md. */
export interface ScenarioResult {
  fault: string;
  happened: string;
  userSees: string;
  dataLost: string;
  /** Whether every guarantee checked held. */
  passed: boolean;
  /** The checks that failed, when any. */
  failures: string[];
}

export interface Scenario {
  id: string;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}

/** Collects failed checks instead of stopping at the first, so the table says all of them. */
export class Checks {
  readonly failures: string[] = [];

  that(condition: boolean, failure: string): boolean {
    if (!condition) this.failures.push(failure);
    return condition;
  }

  equal(actual: unknown, expected: unknown, what: string): boolean {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    return this.that(a === e, `${what}: expected ${e}, got ${a}`);
  }
}

/** Polls until `probe` answers a value, or the time is up (then answers undefined). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 1000,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, everyMs));
  }
  return undefined;
}

/** Scratch folders a process with this pid left in the OS temp folder. */
export async function scratchFoldersOf(pid: number): Promise<string[]> {
  const entries = await readdir(os.tmpdir());
  return entries.filter(
    name => name.startsWith('finops-itam-') && name.includes(`-${pid}-`),
  );
}
