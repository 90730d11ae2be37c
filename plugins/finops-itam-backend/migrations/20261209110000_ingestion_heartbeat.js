// @ts-check

/**
 * A running ingestion now says it is alive every 30 seconds. A backend that is killed stops
 * saying so, and any replica can tell within minutes that the run was interrupted, where the
 * start time alone had to wait longer than the longest run could take (two hours).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('finops_itam_ingestions', table => {
    table
      .timestamp('heartbeat_at', { useTz: true })
      .nullable()
      .comment('Last sign of life of a running ingestion');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('finops_itam_ingestions', table => {
    table.dropColumn('heartbeat_at');
  });
};
