// @ts-check

/**
 * Allocation by key instead of by fact. Every fact carries `allocation_key`, a hash of the
 * attributes that decide its owner (accounts, service, charge category, resource, tags,
 * commitment status); the owner is stored once per key in `finops_itam_allocation_keys`.
 * A million resource-days are a few tens of thousands of keys, so an annotation change
 * rewrites keys, not facts. `finops_itam_allocated_facts` joins both for readers.
 *
 * `finops_itam_key_monthly_cost` sums each key's facts per month (it does not depend on
 * allocation), so a year's breakdown of an entity reads a dozen rows per key, not 365.
 *
 * Existing facts get their key from the next allocation run (the hash is computed in the
 * backend), which re-allocates everything once: `allocated_at` is cleared for that.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_itam_allocation_keys', table => {
    table.comment(
      'Distinct owner-deciding attributes of cost facts and their allocation',
    );
    table.string('key', 64).primary().comment('Hash of the attributes below');
    table.string('billing_account_id', 255).notNullable();
    table.string('sub_account_id', 255).nullable();
    table.string('service_name', 255).nullable();
    table
      .string('service_category', 255)
      .nullable()
      .comment('Not owner-deciding; kept for the breakdowns');
    table.string('charge_category', 32).notNullable();
    table.text('resource_id').nullable();
    table.text('resource_name').nullable();
    table
      .text('tags')
      .nullable()
      .comment('JSON object with trimmed keys, as on the facts');
    table.string('commitment_discount_status', 32).nullable();
    table
      .string('allocated_entity_ref', 512)
      .nullable()
      .comment('Lowercase entity ref that owns the facts directly');
    table
      .string('allocation_rule', 32)
      .nullable()
      .comment('resource | tags | account | fallback | unused-commitment');
    table
      .string('shared_pool_id', 255)
      .nullable()
      .comment('Shared-cost pool the facts belong to');
    table
      .boolean('allocated')
      .notNullable()
      .defaultTo(false)
      .comment('Whether a run has decided this key');
    table.index(
      ['allocated_entity_ref'],
      'finops_itam_allocation_keys_entity_idx',
    );
    table.index(['shared_pool_id'], 'finops_itam_allocation_keys_pool_idx');
  });

  await knex.schema.createTable('finops_itam_key_monthly_cost', table => {
    table.comment(
      'Cost of each allocation key per calendar month: long breakdowns read it, not every day',
    );
    table.string('allocation_key', 64).notNullable();
    table.string('month', 7).notNullable().comment('YYYY-MM');
    table.string('currency', 8).notNullable();
    if (knex.client.config.client === 'pg') {
      table.specificType('amortized', 'numeric').notNullable();
      table.specificType('billed', 'numeric').notNullable();
    } else {
      table.text('amortized').notNullable();
      table.text('billed').notNullable();
    }
    table.primary(['allocation_key', 'month', 'currency']);
  });

  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table
      .string('allocation_key', 64)
      .nullable()
      .comment('Key in finops_itam_allocation_keys');
    table.index(
      ['allocation_key', 'day'],
      'finops_itam_cost_facts_key_day_idx',
    );
  });
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table.dropIndex(
      ['allocated_entity_ref', 'day'],
      'finops_itam_cost_facts_entity_day_idx',
    );
    table.dropIndex(
      ['shared_pool_id', 'day'],
      'finops_itam_cost_facts_pool_day_idx',
    );
  });
  // Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): knex would copy the whole table on SQLite.
  for (const column of [
    'allocated_entity_ref',
    'allocation_rule',
    'shared_pool_id',
  ]) {
    await knex.raw(`ALTER TABLE finops_itam_cost_facts DROP COLUMN ${column}`);
  }
  await knex('finops_itam_cost_facts').update({ allocated_at: null });

  await knex.schema.alterTable('finops_itam_allocation_runs', table => {
    table
      .string('facts_fingerprint', 64)
      .nullable()
      .comment('Count and highest id of the facts a run covered');
  });

  await knex.raw(
    `CREATE VIEW finops_itam_allocated_facts AS
     SELECT f.*, k.allocated_entity_ref, k.allocation_rule, k.shared_pool_id
       FROM finops_itam_cost_facts f
       LEFT JOIN finops_itam_allocation_keys k ON k.key = f.allocation_key`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP VIEW finops_itam_allocated_facts');
  await knex.schema.alterTable('finops_itam_allocation_runs', table => {
    table.dropColumn('facts_fingerprint');
  });
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table.string('allocated_entity_ref', 512).nullable();
    table.string('allocation_rule', 32).nullable();
    table.string('shared_pool_id', 255).nullable();
  });
  await knex('finops_itam_cost_facts').update({ allocated_at: null });
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table.index(
      ['allocated_entity_ref', 'day'],
      'finops_itam_cost_facts_entity_day_idx',
    );
    table.index(
      ['shared_pool_id', 'day'],
      'finops_itam_cost_facts_pool_day_idx',
    );
    table.dropIndex(
      ['allocation_key', 'day'],
      'finops_itam_cost_facts_key_day_idx',
    );
  });
  await knex.raw(
    'ALTER TABLE finops_itam_cost_facts DROP COLUMN allocation_key',
  );
  await knex.schema.dropTable('finops_itam_key_monthly_cost');
  await knex.schema.dropTable('finops_itam_allocation_keys');
};
