// @ts-check

/**
 * Onboarding requests: a workload's planned deployments and licenses, filed before it is
 * deployed and reviewed in the portal (issue 15).
 *
 * `finops_itam_onboarding_requests` keeps the request as filed (`body`, the JSON of
 * `OnboardingRequestInput`) next to the columns lists filter and sort on, and what the checks
 * last answered (`checks`, `cost_estimate`, `reservations`, JSON) so a read never reruns
 * them. `finops_itam_onboarding_history` is the request's audit trail, one row per change
 * in the order they happened; a decision's row carries the decision itself (reason,
 * exception, the checks failed at the time) in `decision`, so decisions are read from the
 * history rather than kept twice.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_itam_onboarding_requests', table => {
    table.comment('Onboarding requests of workloads, with their latest checks');
    table.string('id', 64).primary().notNullable();
    table
      .string('status', 32)
      .notNullable()
      .comment(
        'pending-review | changes-requested | approved | rejected | fulfilled | expired',
      );
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Lowercase ref of the workload (a Component)');
    table
      .string('owner', 512)
      .notNullable()
      .comment("Lowercase ref of the workload's owner group");
    table.text('title').notNullable();
    table.text('description').nullable();
    table.string('go_live', 10).notNullable().comment('YYYY-MM-DD');
    table.string('procurement', 32).notNullable();
    table
      .string('replaces', 512)
      .nullable()
      .comment('Lowercase ref of the workload this one replaces');
    table.text('body').notNullable().comment('JSON: the request as filed');
    table.text('checks').notNullable().comment('JSON: the latest checks');
    table
      .text('cost_estimate')
      .notNullable()
      .comment('JSON: the latest cost estimate');
    table
      .text('reservations')
      .notNullable()
      .comment('JSON: licenses the request holds while approved');
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table
      .string('requested_by', 512)
      .notNullable()
      .comment('User (or service) ref of who filed it');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['status'], 'finops_itam_onboarding_requests_status_idx');
    table.index(['entity_ref'], 'finops_itam_onboarding_requests_entity_idx');
    table.index(['owner'], 'finops_itam_onboarding_requests_owner_idx');
  });

  await knex.schema.createTable('finops_itam_onboarding_history', table => {
    table.comment('What happened to each onboarding request, in order');
    table.bigIncrements('seq').comment('Order of the entries');
    table
      .string('request_id', 64)
      .notNullable()
      .references('id')
      .inTable('finops_itam_onboarding_requests')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table
      .string('by', 512)
      .notNullable()
      .comment('User ref, or the plugin for automatic changes');
    table
      .string('action', 32)
      .notNullable()
      .comment(
        'filed | updated | checks-changed | approved | rejected | changes-requested | fulfilled | expired',
      );
    table.text('detail').notNullable();
    table
      .text('decision')
      .nullable()
      .comment(
        'JSON of a decision entry: decision, reason, exception, failedChecks',
      );
    table.index(
      ['request_id', 'seq'],
      'finops_itam_onboarding_history_request_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_onboarding_history');
  await knex.schema.dropTable('finops_itam_onboarding_requests');
};
