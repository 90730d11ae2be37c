import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The store layer's boundaries (issue 14 point 3): only stores talk to the database, so a
 * report or service can be read, tested and changed without knowing the SQL dialects.
 */
const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

const files = sourceFiles(SRC).map(path => ({
  path: relative(SRC, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

/**
 * The store layer: `database/` (the shared cost, allocation and report tables) and each
 * feature's own `Database<Name>Store.ts`, or `Database<Name>Reader.ts` when it only reads
 * tables other code writes. `feature/stores.ts` opens the stores, so it hands
 * them the Knex client; `__testUtils__` set up test databases.
 */
const isStoreLayer = (path: string) =>
  path.startsWith('database/') ||
  /(^|\/)Database[A-Za-z]*(Store|Reader)\.ts$/.test(path) ||
  path === 'feature/stores.ts' ||
  path.includes('__testUtils__/');

describe('store layer', () => {
  it('is the only place that imports Knex', () => {
    const offenders = files
      .filter(file => !isStoreLayer(file.path))
      .filter(file => /from 'knex'/.test(file.text))
      .map(file => file.path);
    expect(offenders).toEqual([]);
  });

  it('keeps database/ free of imports from feature folders', () => {
    const offenders = files
      .filter(file => file.path.startsWith('database/'))
      .flatMap(file =>
        [...file.text.matchAll(/from '(\.\.\/[^']+)'/g)]
          .map(match => match[1])
          // The exact-money module and shared/ (calendar helpers) serve every layer.
          .filter(target => !/^\.\.\/(money|shared)(\/|$)/.test(target))
          .map(target => `${file.path} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });
});
