// @ts-check

/**
 * Software licenses: product definitions set through the API, entitlements, SaaS seat
 * imports, the state of entitlement file sources, and the daily license cost per entity.
 *
 * Definitions and entitlements are stored whole as JSON next to the columns queried by;
 * the domain shape lives in the common package and is validated before it is stored.
 * Amounts are exact decimals: unconstrained numeric on PostgreSQL, decimal strings in TEXT
 * on SQLite (whose NUMERIC affinity would turn them into binary floats).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';

  await knex.schema.createTable('finops_itam_license_products', table => {
    table.comment(
      'License product definitions set through PUT /licenses/products',
    );
    table.string('id', 255).primary().notNullable();
    table.text('definition').notNullable().comment('JSON LicenseProduct');
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('finops_itam_license_entitlements', table => {
    table.comment(
      'Rights to use license products, from the API or entitlement sources',
    );
    table.string('id', 255).primary().notNullable();
    table.string('product_id', 255).notNullable();
    table
      .string('source_id', 255)
      .notNullable()
      .comment('"api" or the entitlement source id');
    table.text('definition').notNullable().comment('JSON LicenseEntitlement');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['product_id'], 'finops_itam_license_entitlements_product_idx');
  });

  await knex.schema.createTable('finops_itam_license_seats', table => {
    table.comment(
      'Assigned seats of SaaS products, replaced per product by each import',
    );
    table.string('product_id', 255).notNullable();
    table.string('user_id', 512).notNullable();
    table
      .string('last_active', 10)
      .nullable()
      .comment('YYYY-MM-DD; null = never used');
    table
      .string('entity_ref', 512)
      .nullable()
      .comment('Lowercase entity ref the seat is charged to');
    table.timestamp('imported_at', { useTz: true }).notNullable();
    table.primary(['product_id', 'user_id']);
  });

  await knex.schema.createTable('finops_itam_license_sources', table => {
    table.comment('What each entitlement file source delivered last');
    table.string('id', 255).primary().notNullable();
    table
      .text('fingerprints')
      .nullable()
      .comment('JSON: file key -> etag or hash of the last good load');
    table.timestamp('last_run_at', { useTz: true }).nullable();
    table
      .string('last_status', 32)
      .nullable()
      .comment('loaded | skipped | rejected | failed');
    table.text('last_message').nullable();
  });

  await knex.schema.createTable('finops_itam_license_daily_cost', table => {
    table.comment(
      'Entitlement cost amortized per day and split across consuming entities',
    );
    table.string('entitlement_id', 255).notNullable();
    table.string('product_id', 255).notNullable();
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Lowercase consumer or owner (shelfware) ref');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD');
    table.string('currency', 8).notNullable();
    if (isPostgres) {
      table.specificType('amount', 'numeric').notNullable();
    } else {
      table.text('amount').notNullable();
    }
    table
      .boolean('shelfware')
      .notNullable()
      .comment('The unused share, charged to the owner');
    table.primary(['entitlement_id', 'entity_ref', 'day', 'shelfware']);
    table.index(
      ['entity_ref', 'day'],
      'finops_itam_license_daily_cost_entity_day_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_license_daily_cost');
  await knex.schema.dropTable('finops_itam_license_sources');
  await knex.schema.dropTable('finops_itam_license_seats');
  await knex.schema.dropTable('finops_itam_license_entitlements');
  await knex.schema.dropTable('finops_itam_license_products');
};
