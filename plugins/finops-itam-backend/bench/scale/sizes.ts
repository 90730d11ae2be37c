/*
 * What the store takes on disk, for docs/scaling.md: each plugin table with its indexes
 * (pg_total_relation_size: heap, TOAST, indexes), the fact table's indexes one by one,
 * bytes per fact and the whole database.
 */
import { Knex } from 'knex';
import { COST_FACTS_TABLE } from '../../src/database/tables';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function databaseSizes(knex: Knex): Promise<string[]> {
  const lines: string[] = [];
  const { rows: tables } = await knex.raw(
    `SELECT c.relname AS name, c.reltuples::bigint AS estimated_rows, pg_relation_size(c.oid) AS heap, ` +
      'pg_indexes_size(c.oid) AS indexes, pg_total_relation_size(c.oid) AS total ' +
      `FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ` +
      `WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'finops_itam_%' ` +
      'ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8',
  );
  lines.push(
    '| table | rows (estimate) | heap | indexes | total (pg_total_relation_size) |',
    '|---|---:|---:|---:|---:|',
  );
  for (const t of tables) {
    lines.push(
      `| ${t.name} | ${t.estimated_rows} | ${mb(Number(t.heap))} | ${mb(
        Number(t.indexes),
      )} | ${mb(Number(t.total))} |`,
    );
  }
  const { rows: indexes } = await knex.raw(
    'SELECT indexrelid::regclass::text AS name, pg_relation_size(indexrelid) AS size ' +
      `FROM pg_index WHERE indrelid = '${COST_FACTS_TABLE}'::regclass ORDER BY 2 DESC`,
  );
  lines.push(
    `fact indexes: ${indexes
      .map(
        (i: { name: string; size: string }) =>
          `${i.name} ${mb(Number(i.size))}`,
      )
      .join(', ')}`,
  );
  const [{ n }] = (
    await knex.raw(`SELECT count(*) AS n FROM ${COST_FACTS_TABLE}`)
  ).rows;
  const facts = tables.find(
    (t: { name: string }) => t.name === COST_FACTS_TABLE,
  );
  const [{ size }] = (
    await knex.raw('SELECT pg_database_size(current_database()) AS size')
  ).rows;
  lines.push(
    `facts ${n}: ${(Number(facts.total) / Number(n)).toFixed(
      0,
    )} bytes per fact with indexes ` +
      `(${(Number(facts.heap) / Number(n)).toFixed(0)} heap); database ${mb(
        Number(size),
      )}`,
  );
  return lines;
}
