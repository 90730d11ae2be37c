// @ts-check

/**
 * Daily values of business metrics (orders, searches, ...) per entity, the divisor of unit
 * cost. One row per metric, entity and day; a write replaces the row.
 *
 * Values are exact decimals: unconstrained numeric on PostgreSQL and decimal strings in
 * TEXT on SQLite, like the amounts of the daily cost rollup.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';
  await knex.schema.createTable('finops_itam_metric_values', table => {
    table.comment(
      'Daily business metric values per entity, the divisor of unit cost',
    );
    table
      .string('metric', 128)
      .notNullable()
      .comment('Metric name, e.g. orders');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Lowercase entity ref');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD');
    if (isPostgres) {
      table.specificType('value', 'numeric').notNullable();
    } else {
      table.text('value').notNullable();
    }
    table
      .string('source', 256)
      .notNullable()
      .comment(
        'Who wrote the value: api:<principal> or source:<metric source id>',
      );
    table.timestamp('updated_at', { useTz: true }).notNullable();
    // Reads go by metric, then a set of entities, then a range of days.
    table.primary(['metric', 'entity_ref', 'day']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_metric_values');
};
