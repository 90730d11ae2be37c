import path from 'node:path';

/** Absolute path of a fixture file in this folder. */
export function fixture(name: string): string {
  return path.join(__dirname, name);
}
