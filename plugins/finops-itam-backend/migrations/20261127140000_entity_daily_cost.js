// @ts-check

/**
 * Precomputed daily cost of every entity over its rollup: per entity, day, currency and
 * cost basis, the directly allocated cost of the entity and of everything that rolls up
 * into it, and its parts of shared-cost pools. Rebuilt by each allocation run so that
 * `GET .../cost` reads at most one row per day instead of summing facts.
 *
 * Amounts are exact decimals: unconstrained numeric on PostgreSQL and decimal strings in
 * TEXT on SQLite. Not numeric(38,16) like the facts: a sum over many facts of up to 22
 * integer digits each can need more digits than any one fact (numeric field overflow);
 * the scale stays at most 16 since every summand has at most 16 decimals.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const amount = (table, name) =>
    isPostgres
      ? table.specificType(name, 'numeric').notNullable()
      : table.text(name).notNullable();

  await knex.schema.createTable('finops_itam_entity_daily_cost', table => {
    table.comment(
      'Rollup cost per entity, day, currency and basis; rebuilt by allocation runs',
    );
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Lowercase ancestor entity ref');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD');
    table.string('currency', 8).notNullable();
    table.string('basis', 16).notNullable().comment('amortized | billed');
    amount(table, 'direct');
    amount(table, 'shared');
    table.primary(['entity_ref', 'day', 'currency', 'basis']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_entity_daily_cost');
};
