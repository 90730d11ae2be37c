// @ts-check

/**
 * Real exports leave ListCost and ContractedCost empty on some rows (the FOCUS 1.0 sample's
 * Oracle rows, for one). Such rows are now stored, with the unknown amount as NULL, so sums
 * that need it can say how much cost they could not cover instead of counting it as 0.
 * FOCUS 1.3's HostProviderName is kept apart from the service provider: it is where a
 * resource runs (the location for BYOL rules), and "Not Applicable" marks software and
 * service charges.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';
  // The view reads f.*: PostgreSQL fixes its columns when it is created and forbids altering
  // them under it, and SQLite's column rewrite renames the table under it.
  await knex.raw('DROP VIEW finops_itam_allocated_facts');
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table
      .string('host_provider_name', 255)
      .nullable()
      .comment(
        'FOCUS 1.3 HostProviderName; "Not Applicable" for software and service charges',
      );
    if (isPostgres) {
      table.decimal('list_cost', 38, 16).nullable().alter();
      table.decimal('contracted_cost', 38, 16).nullable().alter();
    } else {
      table.text('list_cost').nullable().alter();
      table.text('contracted_cost').nullable().alter();
    }
  });
  await createAllocatedFactsView(knex);
  // Facts stored before this version hold multi-day charges on their first day and may
  // lack rows that were rejected for an empty optional value. Forgetting the sources'
  // fingerprints makes each configured source read its files again on its next run.
  await knex('finops_itam_cost_sources').update({ file_fingerprints: null });
};

/**
 * Going back loses which amounts were unknown: they become 0, as the older code read them.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const isPostgres = knex.client.config.client === 'pg';
  await knex('finops_itam_cost_facts')
    .whereNull('list_cost')
    .update({ list_cost: '0' });
  await knex('finops_itam_cost_facts')
    .whereNull('contracted_cost')
    .update({ contracted_cost: '0' });
  await knex.raw('DROP VIEW finops_itam_allocated_facts');
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table.dropColumn('host_provider_name');
    if (isPostgres) {
      table.decimal('list_cost', 38, 16).notNullable().alter();
      table.decimal('contracted_cost', 38, 16).notNullable().alter();
    } else {
      table.text('list_cost').notNullable().alter();
      table.text('contracted_cost').notNullable().alter();
    }
  });
  await createAllocatedFactsView(knex);
};

/** The view of 20261127190000_allocation_keys.js, unchanged. @param {import('knex').Knex} knex */
async function createAllocatedFactsView(knex) {
  await knex.raw(
    `CREATE VIEW finops_itam_allocated_facts AS
     SELECT f.*, k.allocated_entity_ref, k.allocation_rule, k.shared_pool_id
       FROM finops_itam_cost_facts f
       LEFT JOIN finops_itam_allocation_keys k ON k.key = f.allocation_key`,
  );
}
