// @ts-check

/**
 * Notifications being sent, claimed by their run. Budget alerts and anomaly notifications
 * are recorded as told only after the send, so two runs at the same time (two replicas, a
 * run started by new cost data beside the scheduled one, a run outliving its scheduler
 * lease) could both send. A run now claims each notification's key before sending and
 * lets go of it once the notification is recorded as told (or the send failed); the other
 * run finds it claimed, or already told. A claim left by a killed run is taken over once
 * it is stale.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_itam_notification_claims', table => {
    table.comment('Notifications a run is sending now, one run per key');
    table
      .string('key', 400)
      .primary()
      .comment('e.g. finops-itam:budget:<id>:<period start>:<threshold>');
    table.timestamp('claimed_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_notification_claims');
};
