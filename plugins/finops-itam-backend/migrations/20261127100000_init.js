// @ts-check

/**
 * The first schema of the finops-itam plugin: the ledger of ingestion runs that the
 * cost-ingestion work writes its reports into.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_itam_ingestions', table => {
    table.comment('One row per cost ingestion run, with its report');
    table.string('id', 36).primary().notNullable();
    table
      .string('source_id', 255)
      .notNullable()
      .comment('Configured source id or upload label');
    table
      .string('status', 32)
      .notNullable()
      .comment('running | succeeded | rejected | failed');
    table.text('message').nullable();
    table
      .text('report_json')
      .nullable()
      .comment('The full ingestion report as JSON');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(
      ['source_id', 'started_at'],
      'finops_itam_ingestions_source_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_ingestions');
};
