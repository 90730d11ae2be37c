// @ts-check

/**
 * One counter per kind of derived data, raised in the same transaction as every write that
 * changes what `GET .../cost` answers (facts stored or expired, an allocation run that
 * changed an owner, the rollup or a shared split, license cost that changed). Answer caches
 * on every backend replica compare it, so a cached answer is never served after the data
 * behind it changed.
 *
 * And the digest of derived rows that are recomputed whole on a schedule (each shared-cost
 * pool's split, the daily license cost), so that a recomputation giving the same rows
 * writes nothing and leaves the caches warm.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('finops_itam_data_versions', table => {
    table.comment(
      'Counters raised by writes that change cost answers; caches compare them',
    );
    table
      .string('name', 64)
      .primary()
      .comment('What the counter covers, e.g. cost');
    table.bigInteger('version').notNullable().defaultTo(0);
  });
  await knex('finops_itam_data_versions').insert({ name: 'cost', version: 0 });
  await knex.schema.createTable('finops_itam_output_digests', table => {
    table.comment(
      'Digests of derived rows last written, so identical recomputations write nothing',
    );
    table
      .string('name', 320)
      .primary()
      .comment(
        'What was written, e.g. shared-pool:<pool id> or license-daily-cost',
      );
    table
      .string('digest', 64)
      .notNullable()
      .comment('SHA-256 of the sorted rows');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_output_digests');
  await knex.schema.dropTable('finops_itam_data_versions');
};
