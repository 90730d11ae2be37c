// @ts-check

/**
 * An allocation run now says it is alive every 30 seconds, like an ingestion. A run of a
 * killed backend stops saying so: cost answers stop reporting "running" within minutes, and
 * the run is marked failed as interrupted, where before it read "running" for two hours.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('finops_itam_allocation_runs', table => {
    table
      .timestamp('heartbeat_at', { useTz: true })
      .nullable()
      .comment('Last sign of life of a running run');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('finops_itam_allocation_runs', table => {
    table.dropColumn('heartbeat_at');
  });
};
