// @ts-check

/**
 * Anomalies (issue 16): unusual cost in an entity's daily amortized cost and license
 * position changes, found by the scheduled detection run, told to their owners once and
 * worked through `open` → `acknowledged` → `resolved`.
 *
 * `finops_itam_anomalies` is keyed by the anomaly's stable key (`anomalyKey`), so a run that
 * finds an anomaly again updates what detection knows (its last day, total impact, drivers)
 * and never its status, resolution, note or `notified_at`, which belong to people and to
 * the notifier. Amounts are exact decimals (numeric on PostgreSQL, decimal text on SQLite)
 * and null for license anomalies, which have no amount.
 *
 * `finops_itam_anomaly_history` keeps every status change for the retrospective, in order.
 *
 * `finops_itam_anomaly_license_positions` is the license position as the previous run saw
 * it, one row per product: a license anomaly is a change between that and the current one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const amount = (table, name) =>
    isPostgres
      ? table.specificType(name, 'numeric').nullable()
      : table.text(name).nullable();

  await knex.schema.createTable('finops_itam_anomalies', table => {
    table.comment('Cost and license anomalies with their workflow status');
    table
      .string('id', 64)
      .primary()
      .notNullable()
      .comment('Stable key: kind, subject and first day hashed');
    table
      .string('kind', 32)
      .notNullable()
      .comment(
        'cost-increase | cost-decrease | license-shortage | license-consumption-jump | unauthorized-product',
      );
    table
      .string('entity_ref', 512)
      .nullable()
      .comment('Lowercase ref of the entity (cost) or the license entity');
    table
      .string('product_id', 255)
      .nullable()
      .comment('License anomalies only');
    table.string('date', 10).notNullable().comment('First unusual day');
    table.string('last_date', 10).notNullable().comment('Last unusual day');
    table.string('currency', 8).nullable();
    amount(table, 'actual');
    amount(table, 'expected');
    amount(table, 'impact');
    amount(table, 'total_impact');
    table.double('score').nullable().comment('Robust z-score of the first day');
    table.text('detail').notNullable().comment('What was found, in words');
    table
      .text('drivers')
      .notNullable()
      .comment('JSON: services and resources behind the change');
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('open')
      .comment('open | acknowledged | resolved');
    table
      .string('resolution', 16)
      .nullable()
      .comment('expected | fixed | false-positive, when resolved');
    table.text('note').nullable();
    table.timestamp('detected_at', { useTz: true }).notNullable();
    table
      .timestamp('notified_at', { useTz: true })
      .nullable()
      .comment('When the owner was told; null until a send succeeded');
    table
      .string('owner', 512)
      .nullable()
      .comment("Lowercase ref of the owning group (the catalog's spec.owner)");
    table.index(['date'], 'finops_itam_anomalies_date_idx');
    table.index(['entity_ref', 'date'], 'finops_itam_anomalies_entity_idx');
    table.index(['status'], 'finops_itam_anomalies_status_idx');
  });

  await knex.schema.createTable('finops_itam_anomaly_history', table => {
    table.comment('Status changes of anomalies, in order');
    table.bigIncrements('seq').comment('Order of the entries');
    table
      .string('id', 64)
      .notNullable()
      .references('id')
      .inTable('finops_itam_anomalies')
      .onDelete('CASCADE')
      .comment('The anomaly');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('by', 512).notNullable().comment('User ref of who changed it');
    table.string('status', 16).notNullable();
    table.string('resolution', 16).nullable();
    table.text('note').nullable();
    table.index(['id', 'seq'], 'finops_itam_anomaly_history_id_idx');
  });

  await knex.schema.createTable(
    'finops_itam_anomaly_license_positions',
    table => {
      table.comment(
        'License position per product as the previous detection run saw it',
      );
      table.string('product_id', 255).primary().notNullable();
      table.string('day', 10).notNullable().comment('Day of that snapshot');
      table.text('entry').notNullable().comment('JSON: the position entry');
    },
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_anomaly_license_positions');
  await knex.schema.dropTable('finops_itam_anomaly_history');
  await knex.schema.dropTable('finops_itam_anomalies');
};
