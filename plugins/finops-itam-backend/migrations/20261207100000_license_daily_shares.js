// @ts-check

/**
 * The daily license requirement per product, day and entity, which splits each day's
 * license cost by that day's use: stored, so that a closed day keeps its split when
 * consumption moves later, and recomputed only for the months whose cost facts changed.
 * `finops_itam_license_cost_state` remembers what the stored shares and cost were computed
 * from (per month a fingerprint of its facts, per product a digest of its entitlements,
 * the counting rules, the last day costed). `finops_itam_license_fact_extract` keeps the
 * licensed cost facts of the window compact (a row per resource, not per resource-day), so
 * the license position is computed without scanning every cost row again.
 *
 * `required` is the entity's requirement (a fraction of a subscription for products pooled
 * across the organisation); `weight` the whole number the exact cost split uses, on one
 * scale per product and day; `product_required` the product's requirement that day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'finops_itam_license_daily_requirement',
    table => {
      table.comment(
        'Requirement needing entitlements per license product, day and entity',
      );
      table.string('product_id', 255).notNullable();
      table.string('day', 10).notNullable().comment('YYYY-MM-DD');
      table
        .string('entity_ref', 512)
        .notNullable()
        .comment('Lowercase entity ref; empty when no entity owns it');
      table
        .double('required')
        .notNullable()
        .comment("The entity's requirement; fractional for pooled products");
      table
        .bigInteger('weight')
        .notNullable()
        .comment('Whole-number weight of the exact cost split');
      table
        .integer('product_required')
        .notNullable()
        .comment("The product's requirement that day");
      table.primary(['product_id', 'day', 'entity_ref']);
      table.index(['day'], 'finops_itam_license_daily_requirement_day_idx');
    },
  );

  await knex.schema.createTable('finops_itam_license_cost_state', table => {
    table.comment(
      'What the stored license shares, daily cost and fact extract were computed from',
    );
    table
      .string('name', 300)
      .primary()
      .notNullable()
      .comment(
        'rules | until | month:YYYY-MM | entitlements:<product id> | fact-extract',
      );
    table.text('value').notNullable();
  });

  await knex.schema.createTable('finops_itam_license_fact_extract', table => {
    table.comment(
      'Licensed cost facts of the license window, one row per month, resource and combination of facts',
    );
    table.bigIncrements('id');
    table.string('month', 7).notNullable().comment('YYYY-MM of the days');
    table
      .string('allocation_key', 64)
      .nullable()
      .comment(
        'Allocation key of the facts: their owner is read through it, so allocation runs need no rebuild',
      );
    table
      .text('facts')
      .notNullable()
      .comment(
        'JSON: the facts license detection reads, without day and owner',
      );
    table
      .text('days')
      .notNullable()
      .comment(
        'Comma-separated YYYY-MM-DD days of the month these facts were billed',
      );
    table.index(['month'], 'finops_itam_license_fact_extract_month_idx');
  });

  // A run replaces one product's cost rows of some days.
  await knex.schema.alterTable('finops_itam_license_daily_cost', table => {
    table.index(
      ['product_id', 'day'],
      'finops_itam_license_daily_cost_product_day_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_license_fact_extract');
  await knex.schema.alterTable('finops_itam_license_daily_cost', table => {
    table.dropIndex(
      ['product_id', 'day'],
      'finops_itam_license_daily_cost_product_day_idx',
    );
  });
  await knex.schema.dropTable('finops_itam_license_cost_state');
  await knex.schema.dropTable('finops_itam_license_daily_requirement');
};
