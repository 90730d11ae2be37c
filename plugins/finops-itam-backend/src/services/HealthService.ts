import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { HealthResponse } from '@finops-itam/plugin-finops-itam-common';
import { readFileSync } from 'node:fs';
import { HealthStore } from '../database/HealthStore';

function readPackageVersion(): string {
  const manifest = resolvePackagePath(
    '@finops-itam/plugin-finops-itam-backend',
    'package.json',
  );
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/** Answers the health check: the plugin version and the database it runs on. */
export class HealthService {
  private readonly version = readPackageVersion();

  constructor(private readonly store: HealthStore) {}

  /** Fails when the database does not answer, so a broken backend is not reported healthy. */
  async check(): Promise<HealthResponse> {
    await this.store.ping();
    return {
      status: 'ok',
      version: this.version,
      database: this.store.kind(),
    };
  }
}
