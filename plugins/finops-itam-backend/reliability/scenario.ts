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

  /**
   * The scenario's table row: passed when no check failed. `dataLost` is "none" then, and
   * points at the failures otherwise, unless the scenario says more.
   */
  row(
    text: Pick<ScenarioResult, 'fault' | 'happened' | 'userSees'> & {
      dataLost?: string;
    },
  ): ScenarioResult {
    const passed = this.failures.length === 0;
    return {
      ...text,
      dataLost: text.dataLost ?? (passed ? 'none' : 'see failures'),
      passed,
      failures: this.failures,
    };
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

/**
 * Runs allocation until `entityRef` has direct cost. A backend that has just started may
 * allocate before its catalog has read the demo components (everything then reads
 * unallocated), and the catalog's later arrival would move cost in the middle of a scenario.
 */
export async function allocateOnceCatalogKnown(
  backend: {
    call(method: string, route: string): Promise<{ status: number; body: any }>;
  },
  entityRef: string,
  period: { from: string; to: string },
  timeoutMs = 180_000,
): Promise<boolean> {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const route = `/entities/${kind}/${namespace}/${name}/cost?from=${period.from}&to=${period.to}`;
  const known = await waitFor(
    async () => {
      const run = await backend.call('POST', '/allocation/run');
      if (run.body?.status !== 'succeeded') return undefined;
      const cost = await backend.call('GET', route);
      return cost.status === 200 && /[1-9]/.test(cost.body?.direct ?? '0')
        ? true
        : undefined;
    },
    timeoutMs,
    3_000,
  );
  return known === true;
}
