// @ts-check

/**
 * A partial index over facts still waiting for allocation. Every cost request asks whether
 * any exist; the index holds only those rows, so the answer is cheap and allocation writes
 * (which set allocated_at) shrink it instead of maintaining a full index.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw(
    'CREATE INDEX finops_itam_cost_facts_unallocated_idx ON finops_itam_cost_facts (id) WHERE allocated_at IS NULL',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX finops_itam_cost_facts_unallocated_idx');
};
