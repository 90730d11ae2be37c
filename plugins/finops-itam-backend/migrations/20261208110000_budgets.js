// @ts-check

/**
 * Budgets (issue 16) and the budget alerts already sent.
 *
 * `finops_itam_budgets` holds every budget, whichever way it came: `source` is `config`
 * (app-config, replaced at start-up), `api` (`PUT /budgets`) or a budget source's id (its
 * file, replaced whole on each run). Amounts are exact decimals like the other money
 * columns: unconstrained numeric on PostgreSQL, decimal strings in TEXT on SQLite (whose
 * NUMERIC affinity would turn them into binary floats).
 *
 * `finops_itam_budget_alerts_sent` remembers each threshold told to a budget's owner, once per
 * budget, period start and threshold kind, so a later run never sends it again. Rows go with
 * their budget.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isPostgres = knex.client.config.client === 'pg';

  await knex.schema.createTable('finops_itam_budgets', table => {
    table.comment('Budgets of groups, systems and components');
    table.string('id', 200).primary().notNullable();
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Lowercase ref of the Group, System or Component');
    table.string('period', 16).notNullable().comment('month | quarter | year');
    table
      .string('start', 10)
      .notNullable()
      .comment("YYYY-MM-DD, the period's first day");
    if (isPostgres) {
      table.specificType('amount', 'numeric').notNullable();
    } else {
      table.text('amount').notNullable();
    }
    table.string('currency', 8).notNullable();
    table
      .string('scope', 16)
      .notNullable()
      .comment('all-in | cloud | licenses');
    table
      .text('thresholds')
      .notNullable()
      .comment('JSON: forecastAbove, forecastBelow, actualAbove (percent)');
    table
      .string('source', 255)
      .notNullable()
      .comment('config, api, or the budget source id');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['entity_ref'], 'finops_itam_budgets_entity_idx');
    table.index(['source'], 'finops_itam_budgets_source_idx');
  });

  await knex.schema.createTable('finops_itam_budget_alerts_sent', table => {
    table.comment('Budget thresholds already told to the owner, once each');
    table
      .string('budget_id', 200)
      .notNullable()
      .references('id')
      .inTable('finops_itam_budgets')
      .onDelete('CASCADE');
    table.string('period_start', 10).notNullable().comment('YYYY-MM-DD');
    table
      .string('threshold', 32)
      .notNullable()
      .comment('actual-above | forecast-above | forecast-below');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['budget_id', 'period_start', 'threshold']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_budget_alerts_sent');
  await knex.schema.dropTable('finops_itam_budgets');
};
