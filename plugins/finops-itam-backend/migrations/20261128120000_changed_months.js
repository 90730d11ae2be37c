// @ts-check

/**
 * Calendar months whose facts changed since the last allocation run, recorded in the
 * transaction of every fact write (an ingestion replacing billing periods, retention
 * dropping old days). The next run rebuilds the daily rollup and the keys' monthly sums of
 * just those months and corrects the others by deltas, instead of rebuilding everything.
 * Rows are appended (a month may appear more than once); a run removes the rows up to the
 * highest id it read, so a month changed during the run waits for the next one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_itam_changed_months', table => {
    table.comment('Months whose facts changed since the last allocation run');
    table.bigIncrements('id');
    table.string('month', 7).notNullable().comment('YYYY-MM');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_changed_months');
};
