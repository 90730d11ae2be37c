// @ts-check

/**
 * The FOCUS commitment columns the KPIs need (issue 17): CommitmentDiscountCategory (Spend |
 * Usage), CommitmentDiscountType, CommitmentDiscountQuantity with its CommitmentDiscountUnit
 * (commitment utilization sums quantities), and FOCUS 1.4 CommitmentProgramEligibilityDetails
 * (the coverage denominator).
 *
 * The quantity is an exact decimal like the amounts (numeric on PostgreSQL, decimal text on
 * SQLite) and NULL when unknown. The eligibility column keeps three states apart: NULL when
 * the export had no such column (before FOCUS 1.4, so the configured service categories
 * decide), `''` when it had the column and the cell was empty (eligible for no program), and
 * the JSON text otherwise.
 *
 * Facts stored before this version have the columns NULL; the sources' fingerprints are
 * forgotten so each configured source reads its files again and fills them in.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';
  // The view reads f.*: PostgreSQL fixes its columns when it is created, so it is made again
  // to show the new ones (see 20261203100000_cost_fact_unknowns.js).
  await knex.raw('DROP VIEW finops_itam_allocated_facts');
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table
      .string('commitment_discount_category', 32)
      .nullable()
      .comment('FOCUS CommitmentDiscountCategory: Spend or Usage');
    table
      .string('commitment_discount_type', 255)
      .nullable()
      .comment('FOCUS CommitmentDiscountType, e.g. Savings Plan');
    if (isPostgres) {
      table
        .decimal('commitment_discount_quantity', 38, 16)
        .nullable()
        .comment('FOCUS CommitmentDiscountQuantity; NULL when unknown');
    } else {
      table.text('commitment_discount_quantity').nullable();
    }
    table
      .string('commitment_discount_unit', 255)
      .nullable()
      .comment('FOCUS CommitmentDiscountUnit');
    table
      .text('commitment_program_eligibility_details')
      .nullable()
      .comment(
        "FOCUS 1.4 CommitmentProgramEligibilityDetails; NULL: no such column in the export, '': empty cell",
      );
  });
  await createAllocatedFactsView(knex);
  await knex('finops_itam_cost_sources').update({ file_fingerprints: null });
};

/**
 * Going back drops the commitment columns and what they held.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw('DROP VIEW finops_itam_allocated_facts');
  await knex.schema.alterTable('finops_itam_cost_facts', table => {
    table.dropColumn('commitment_discount_category');
    table.dropColumn('commitment_discount_type');
    table.dropColumn('commitment_discount_quantity');
    table.dropColumn('commitment_discount_unit');
    table.dropColumn('commitment_program_eligibility_details');
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
