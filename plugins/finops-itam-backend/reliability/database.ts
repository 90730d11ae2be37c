/** The PostgreSQL side of the reliability runs: the suite's database of a run, read directly. */
import knexFactory, { Knex } from 'knex';

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' };

/** A plugin's database of a run (Backstage names it `<prefix><pluginId>`). */
function pluginDatabase(prefix: string, pluginId: string): Knex {
  return knexFactory({
    client: 'pg',
    connection: { ...server, database: `${prefix}${pluginId}` },
    pool: { min: 0, max: 2 },
  });
}

/** The suite's own database of a run. */
export const suiteDatabase = (prefix: string) =>
  pluginDatabase(prefix, 'finops-itam');

/** The notifications backend's database of a run: what users were sent. */
export const notificationsDatabase = (prefix: string) =>
  pluginDatabase(prefix, 'notifications');

/** Drops every database of a run, so each run starts empty and leaves nothing behind. */
export async function dropRunDatabases(prefix: string): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...server, database: 'postgres' },
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows as Array<{ datname: string }>) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

/** Stops (or allows again) new connections to the suite's database and cuts the open ones. */
export async function setDatabaseReachable(
  prefix: string,
  reachable: boolean,
): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...server, database: 'postgres' },
  });
  const name = `${prefix}finops-itam`;
  try {
    await admin.raw(`ALTER DATABASE ?? ALLOW_CONNECTIONS ${reachable}`, [name]);
    if (!reachable) {
      await admin.raw(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()',
        [name],
      );
    }
  } finally {
    await admin.destroy();
  }
}

/** Exact sums of the stored facts per currency, and how many facts: what must never change by a crash. */
export async function factTotals(
  db: Knex,
): Promise<
  Array<{ currency: string; effective: string; billed: string; facts: number }>
> {
  const rows = await db('finops_itam_cost_facts')
    .select('currency')
    .sum({ effective: 'effective_cost', billed: 'billed_cost' })
    .count({ facts: '*' })
    .groupBy('currency')
    .orderBy('currency');
  return rows.map((r: any) => ({
    currency: r.currency,
    effective: String(r.effective),
    billed: String(r.billed),
    facts: Number(r.facts),
  }));
}
