// @ts-check

/**
 * Allocation of cost facts to catalog entities: the owner (or shared pool) of each fact,
 * the rollup closure used to sum an entity's cost, the parts of shared pools, and the
 * state of allocation runs.
 *
 * Shared parts are exact decimals like the facts: numeric(38,16) on PostgreSQL and
 * decimal strings in TEXT on SQLite.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';

  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table
      .string('allocated_entity_ref', 512)
      .nullable()
      .comment('Lowercase entity ref that owns the fact directly');
    table
      .string('allocation_rule', 32)
      .nullable()
      .comment('resource | tags | account | fallback');
    table
      .string('shared_pool_id', 255)
      .nullable()
      .comment('Shared-cost pool the fact belongs to');
    table
      .timestamp('allocated_at', { useTz: true })
      .nullable()
      .comment('When the allocation last changed; null = not yet allocated');
    table.index(
      ['allocated_entity_ref', 'day'],
      'finops_itam_cost_facts_entity_day_idx',
    );
    table.index(
      ['shared_pool_id', 'day'],
      'finops_itam_cost_facts_pool_day_idx',
    );
  });

  await knex.schema.createTable('finops_itam_rollup_members', table => {
    table.comment(
      'Closure of the rollup: each entity and every entity whose cost it includes',
    );
    table.string('ancestor_ref', 512).notNullable();
    table.string('member_ref', 512).notNullable();
    table.primary(['ancestor_ref', 'member_ref']);
    table.index(['member_ref'], 'finops_itam_rollup_members_member_idx');
  });

  await knex.schema.createTable('finops_itam_shared_allocations', table => {
    table.comment(
      'Parts of shared-cost pools per day, currency and cost basis',
    );
    table.string('pool_id', 255).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD');
    table.string('currency', 8).notNullable();
    table.string('basis', 16).notNullable().comment('amortized | billed');
    table.string('target_ref', 512).notNullable();
    if (isPostgres) {
      table.decimal('amount', 38, 16).notNullable();
    } else {
      table.text('amount').notNullable();
    }
    table.primary(['pool_id', 'day', 'currency', 'basis', 'target_ref']);
    table.index(
      ['target_ref', 'day'],
      'finops_itam_shared_allocations_target_day_idx',
    );
  });

  await knex.schema.createTable('finops_itam_allocation_runs', table => {
    table.comment(
      'Allocation runs, newest last; the latest tells the API whether allocation is current',
    );
    table.bigIncrements('id');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running | succeeded | failed');
    table.integer('facts_scanned').nullable();
    table.integer('facts_changed').nullable();
    table.text('message').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_allocation_runs');
  await knex.schema.dropTable('finops_itam_shared_allocations');
  await knex.schema.dropTable('finops_itam_rollup_members');
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table.dropIndex(
      ['shared_pool_id', 'day'],
      'finops_itam_cost_facts_pool_day_idx',
    );
    table.dropIndex(
      ['allocated_entity_ref', 'day'],
      'finops_itam_cost_facts_entity_day_idx',
    );
    table.dropColumn('allocated_at');
    table.dropColumn('shared_pool_id');
    table.dropColumn('allocation_rule');
    table.dropColumn('allocated_entity_ref');
  });
};
