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
 * `finops_itam_kpi_rollup` holds what `GET /kpis` sums, without resources: per currency, the
 * KPI dimensions (charge category and class, pricing category, commitment id, status,
 * category, type and unit, eligibility, service category, provider, billing account) and the
 * accountable owner (the owning group of the entity the allocation chose), one row per day
 * (`grain` day, `period` YYYY-MM-DD) and one per calendar month (`grain` month, `period`
 * YYYY-MM), so a year reads twelve month rows and the days at its edges instead of millions
 * of facts. (Since then the rollup also keeps aligned blocks of 2, 4, 8 and 16 days, so the
 * edges read a few blocks instead of each day: see src/kpis/rollupPieces.ts; `grain` is a
 * free string, so that needed no migration.) An amount is NULL when its facts left it unknown (rows with unknown and known
 * amounts are kept apart). `finops_itam_kpi_rollup_state` says from which cost data version
 * the rollup was built: a reader finding another version sums the facts instead.
 *
 * The partial index serves `GET /commitments`, which reads the commitment facts of a period.
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
  await knex.raw(
    `CREATE INDEX finops_itam_cost_facts_commitment_day_idx
       ON finops_itam_cost_facts (day) WHERE commitment_discount_id IS NOT NULL`,
  );
  await knex('finops_itam_cost_sources').update({ file_fingerprints: null });

  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const amount = (table, name) =>
    isPostgres
      ? table.decimal(name, 38, 16).nullable()
      : table.text(name).nullable();
  await knex.schema.createTable('finops_itam_kpi_rollup', table => {
    table.comment('FinOps KPI sums per day and per month, without resources');
    table.bigIncrements('id');
    table.string('grain', 8).notNullable().comment('day or month');
    table.string('period', 10).notNullable().comment('YYYY-MM-DD or YYYY-MM');
    table.string('currency', 8).notNullable();
    table.string('charge_category', 32).notNullable();
    table.string('charge_class', 32).nullable();
    table.string('pricing_category', 32).nullable();
    table.string('commitment_discount_id', 1024).nullable();
    table.string('commitment_discount_status', 32).nullable();
    table.string('commitment_discount_category', 32).nullable();
    table.string('commitment_discount_type', 255).nullable();
    table.string('commitment_discount_unit', 255).nullable();
    table.text('commitment_program_eligibility_details').nullable();
    table.string('service_category', 255).nullable();
    table.string('provider_name', 255).nullable();
    table.string('billing_account_id', 255).notNullable();
    table
      .text('owner_ref')
      .nullable()
      .comment('Owning group of the allocated entity; NULL when unallocated');
    amount(table, 'effective_cost');
    amount(table, 'billed_cost');
    amount(table, 'list_cost');
    amount(table, 'contracted_cost');
    amount(table, 'commitment_discount_quantity');
    table.index(['grain', 'period'], 'finops_itam_kpi_rollup_period_idx');
  });
  await knex.schema.createTable('finops_itam_kpi_rollup_state', table => {
    table.comment('The cost data version the KPI rollup was built from');
    table.integer('id').primary();
    table.string('data_version', 32).nullable();
    table.timestamp('built_at', { useTz: true }).nullable();
  });
  await knex('finops_itam_kpi_rollup_state').insert({
    id: 1,
    data_version: null,
  });
};

/**
 * Going back drops the commitment columns and what they held, and the KPI rollup.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_kpi_rollup_state');
  await knex.schema.dropTable('finops_itam_kpi_rollup');
  await knex.raw('DROP INDEX finops_itam_cost_facts_commitment_day_idx');
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
