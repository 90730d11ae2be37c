// @ts-check

/**
 * Allocation conflicts of the latest allocation run: rows that several entities claimed
 * with the same rule and specificity, decided by the deterministic tie-break. Replaced at
 * each run, one row per distinct (resource, winner, candidates) with the number of facts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_itam_allocation_conflicts', table => {
    table.comment(
      'Rule conflicts found by the latest allocation run (a snapshot, replaced per run)',
    );
    table.bigIncrements('id');
    table
      .bigInteger('run_id')
      .nullable()
      .comment('Allocation run that found the conflict');
    table.text('resource_id').nullable();
    table.text('resource_name').nullable();
    table
      .string('rule', 32)
      .notNullable()
      .comment('resource | tags | account | fallback');
    table
      .string('winner_ref', 512)
      .notNullable()
      .comment('Entity the tie-break chose');
    table
      .text('candidates')
      .notNullable()
      .comment('JSON array of the tied entity refs, sorted');
    table.integer('fact_count').notNullable();
    table.index(['fact_count'], 'finops_itam_allocation_conflicts_count_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_allocation_conflicts');
};
