import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** Absolute path of a FOCUS fixture file written for the ingestion tests. */
export function fixture(name: string): string {
  return resolvePackagePath(
    '@finops-itam/plugin-finops-itam-backend',
    'src/ingestion/__fixtures__',
    name,
  );
}
