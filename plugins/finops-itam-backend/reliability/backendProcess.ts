/**
 * A real backend process for the reliability runs: the demo portal's backend
 * (packages/backend, with the catalog, permissions, notifications, scheduler and the suite)
 * on its own port, on a PostgreSQL database set apart by a prefix, reached with the scripted
 * API token. Several can share one prefix: replicas on one database.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const backendDir = path.join(repoRoot, 'packages/backend');
export const API_TOKEN = 'reliability-token-0123456789';

export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms));

export interface BackendOptions {
  port: number;
  /** Database name prefix shared by the replicas of one run (`rel_<run>_`). */
  databasePrefix: string;
  /** More configuration, merged over the demo's (e.g. cost sources). */
  config?: Record<string, unknown>;
  /** Folder for the config file and the log. */
  workDir: string;
  name: string;
}

/**
 * A scenario's configuration over the demo's, with the demo's cost sources and entitlement
 * sources left out unless the scenario names its own. Backstage merges configuration
 * objects key by key, so `licenses` is merged here rather than replaced.
 */
function withoutDemoData(config: Record<string, unknown>) {
  return {
    costSources: [],
    ...config,
    licenses: {
      entitlementSources: [],
      ...((config.licenses as object | undefined) ?? {}),
    },
  };
}

export class BackendProcess {
  private child?: ChildProcess;
  private output = '';

  constructor(readonly options: BackendOptions) {}

  readonly token = API_TOKEN;

  get url() {
    return `http://127.0.0.1:${this.options.port}/api/finops-itam`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get log(): string {
    return this.output;
  }

  /** Starts the process and waits until its health route answers 200. */
  async start(timeoutMs = 180_000): Promise<void> {
    const { port, databasePrefix, workDir, name } = this.options;
    const configFile = path.join(workDir, `${name}.config.json`);
    await writeFile(
      configFile,
      JSON.stringify({
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { port },
          database: {
            client: 'pg',
            connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
            prefix: databasePrefix,
          },
        },
        // No demo exports or entitlements: each scenario brings its own data. (The demo's
        // entitlement source once ran between an import and its check.)
        finopsItam: withoutDemoData(this.options.config ?? {}),
      }),
    );
    this.output = '';
    this.child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        'src/index.ts',
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'app-config.scripted-access.yaml'),
        '--config',
        configFile,
      ],
      {
        cwd: backendDir,
        env: {
          ...process.env,
          FINOPS_ITAM_API_TOKEN: API_TOKEN,
          NODE_ENV: 'development',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    const exited = new Promise<never>((_, reject) =>
      this.child!.once('exit', code =>
        reject(
          new Error(
            `${name} exited with ${code} while starting:\n${this.tail()}`,
          ),
        ),
      ),
    );
    const deadline = Date.now() + timeoutMs;
    const healthy = (async () => {
      while (Date.now() < deadline) {
        const status = await fetch(`${this.url}/health`)
          .then(r => r.status)
          .catch(() => 0);
        if (status === 200) return;
        await sleep(500);
      }
      throw new Error(`${name} did not become healthy:\n${this.tail()}`);
    })();
    await Promise.race([healthy, exited]);
  }

  /** `kill -9`: no shutdown hooks, no cleanup, as a crash or an OOM kill. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([gone, sleep(20_000)]);
    await this.kill();
  }

  /** Calls the API with the scripted token; answers status and parsed body. */
  async call(
    method: string,
    route: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${API_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and plain answers stay text
    }
    return { status: response.status, body: parsed };
  }

  tail(lines = 40): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }
}

/**
 * Replica `index` of a scenario: backends sharing the scenario's database prefix, each on
 * its own port (the scenario's port plus `index`), with the same extra configuration.
 */
export function replicaOf(
  scenario: { port: number; databasePrefix: string; workDir: string },
  index: number,
  config: Record<string, unknown>,
): BackendProcess {
  return new BackendProcess({
    port: scenario.port + index,
    databasePrefix: scenario.databasePrefix,
    workDir: scenario.workDir,
    name: `replica-${index}`,
    config,
  });
}
