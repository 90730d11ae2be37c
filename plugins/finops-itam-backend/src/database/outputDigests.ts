import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { OUTPUT_DIGESTS_TABLE } from './tables';

/** What a shared-cost pool's split is stored under. */
export const sharedPoolDigestName = (poolId: string) => `shared-pool:${poolId}`;

/**
 * SHA-256 of rows, whatever their order: each row is a list of fields, joined with a
 * separator no field contains, and the lines are sorted before hashing.
 */
export function digestRows(
  rows: Iterable<ReadonlyArray<string | number | boolean | null>>,
): string {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(
      row
        .map(field => (field === null ? '\u0001' : String(field)))
        .join('\u0000'),
    );
  }
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) {
    hash.update(line).update('\n');
  }
  return hash.digest('hex');
}

/** The digest last written under `name`, if any. */
export async function readDigest(
  db: Knex | Knex.Transaction,
  name: string,
): Promise<string | undefined> {
  const row = await db(OUTPUT_DIGESTS_TABLE)
    .where('name', name)
    .first('digest');
  return row?.digest;
}

/** Records the digest of what was just written; call it in the write's transaction. */
export async function writeDigest(
  db: Knex | Knex.Transaction,
  name: string,
  digest: string,
): Promise<void> {
  await db(OUTPUT_DIGESTS_TABLE)
    .insert({ name, digest })
    .onConflict('name')
    .merge();
}

/** Forgets the digests named `prefix…` except `keep`: the rows they describe are gone. */
export async function deleteDigestsExcept(
  db: Knex | Knex.Transaction,
  prefix: string,
  keep: readonly string[],
): Promise<void> {
  // Prefixes are fixed words ending in ':', without LIKE wildcards.
  await db(OUTPUT_DIGESTS_TABLE)
    .where('name', 'like', `${prefix}%`)
    .whereNotIn('name', [...keep, ''])
    .delete();
}
