// @ts-check

/**
 * Daily cost facts, their reconciliation totals and the state of each cost source.
 *
 * Amounts are exact decimals: numeric(38,16) on PostgreSQL and decimal strings in TEXT on
 * SQLite, whose NUMERIC affinity would silently turn them into binary floats.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const amount = (table, name) =>
    isPostgres
      ? table.decimal(name, 38, 16).notNullable()
      : table.text(name).notNullable();

  await knex.schema.createTable('finops_itam_cost_facts', table => {
    table.comment('FOCUS charges summed per UTC day at resource granularity');
    table.bigIncrements('id');
    table.string('source_id', 255).notNullable();
    table.string('ingestion_id', 36).notNullable();
    table
      .string('file_key', 1024)
      .notNullable()
      .comment('File that delivered the rows');
    table
      .string('billing_period_start', 10)
      .notNullable()
      .comment('YYYY-MM-DD');
    table
      .string('day', 10)
      .notNullable()
      .comment('UTC day of ChargePeriodStart, YYYY-MM-DD');
    table.string('billing_account_id', 255).notNullable();
    table.string('sub_account_id', 255).nullable();
    table.string('provider_name', 255).nullable();
    table.string('publisher_name', 255).nullable();
    table.string('invoice_issuer_name', 255).nullable();
    table.string('service_name', 255).nullable();
    table.string('service_category', 255).nullable();
    table.string('region_id', 255).nullable();
    table.text('resource_id').nullable();
    table.text('resource_name').nullable();
    table.string('resource_type', 255).nullable();
    table.string('charge_category', 32).notNullable();
    table
      .string('charge_class', 32)
      .nullable()
      .comment('Correction rows are deltas');
    table.string('pricing_category', 32).nullable();
    table.string('commitment_discount_id', 1024).nullable();
    table.string('commitment_discount_status', 32).nullable();
    table.string('sku_id', 255).nullable();
    table
      .text('sku_price_details')
      .nullable()
      .comment('JSON, holds CoreCount for licensing');
    table.text('tags').nullable().comment('JSON object with trimmed keys');
    table.string('currency', 8).notNullable();
    amount(table, 'billed_cost');
    amount(table, 'effective_cost');
    amount(table, 'list_cost');
    amount(table, 'contracted_cost');
    amount(table, 'consumed_quantity');
    table
      .integer('row_count')
      .notNullable()
      .comment('FOCUS rows summed into this fact');
    table.index(
      ['source_id', 'billing_period_start'],
      'finops_itam_cost_facts_period_idx',
    );
    table.index(['day'], 'finops_itam_cost_facts_day_idx');
    table.index(['ingestion_id'], 'finops_itam_cost_facts_ingestion_idx');
  });

  await knex.schema.createTable('finops_itam_cost_sources', table => {
    table.comment(
      'What each cost source delivered last, for skip checks and drift',
    );
    table.string('id', 255).primary().notNullable();
    table
      .text('file_fingerprints')
      .nullable()
      .comment('JSON: file key -> etag or hash');
    table
      .text('columns')
      .nullable()
      .comment('JSON array of the columns of the last run');
    table.string('last_ingestion_id', 36).nullable();
    table.timestamp('last_run_at', { useTz: true }).nullable();
    table.string('last_status', 32).nullable();
    table.text('last_message').nullable();
    table.text('schema_drift').nullable().comment('JSON {added, removed}');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_cost_sources');
  await knex.schema.dropTable('finops_itam_cost_facts');
};
