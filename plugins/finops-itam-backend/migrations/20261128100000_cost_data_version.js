// @ts-check

/**
 * One counter per kind of derived data, raised in the same transaction as every write that
 * changes what `GET .../cost` answers (facts stored or expired, an allocation run finished,
 * license cost recomputed). Answer caches on every backend replica compare it, so a cached
 * answer is never served after the data behind it changed.
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
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('finops_itam_data_versions');
};
