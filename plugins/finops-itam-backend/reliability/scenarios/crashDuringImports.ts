/**
 * `kill -9` in the middle of an entitlement import (`PUT /licenses/entitlements`) and of a
 * budget import (`PUT /budgets`). Each import runs in one transaction; to kill it at a known
 * point rather than by luck, the harness holds a row lock on the import's last record, waits
 * until the backend's transaction has written the records before it and waits on that lock,
 * and kills the process there. After each restart the previous entitlements and budgets are
 * there, byte for byte; the same import then completes; and cost conservation
 * (total = direct + shared + unallocated) holds on the cost data beside them.
 */
import path from 'node:path';
import { Knex } from 'knex';
import { BackendProcess } from '../backendProcess';
import { Money } from '../../src/money';
import { suiteDatabase } from '../database';
import { checkConservation, describeConservation } from '../conservation';
import { generateExport } from '../focusFiles';
import {
  allocateOnceCatalogKnown,
  Checks,
  Scenario,
  ScenarioContext,
  waitFor,
} from '../scenario';
import { upload } from './crashDuringUpload';

const ENTITLEMENTS_TABLE = 'finops_itam_license_entitlements';
const BUDGETS_TABLE = 'finops_itam_budgets';
const ENTITLEMENT_COLUMNS = [
  'id',
  'product_id',
  'source_id',
  'definition',
  'updated_at',
];

function entitlements(count: number, quantity: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `rel-ent-${String(i).padStart(4, '0')}`,
    productId: 'microsoft-sql-server-enterprise',
    quantity: quantity + (i % 7),
    cost: { amount: `${1000 + i}.25`, currency: 'USD', per: 'term' },
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    owner: 'group:default/team-checkout',
  }));
}

const BUDGET_ENTITIES = [
  'component:default/checkout-api',
  'component:default/cart-service',
  'component:default/catalog-service',
  'component:default/search-service',
];

/** Monthly cloud budgets of four components, `months` months each from 2020-01. */
function budgets(months: number, amount: string) {
  return BUDGET_ENTITIES.flatMap(entityRef =>
    Array.from({ length: months }, (_, m) => {
      const start = `${2020 + Math.floor(m / 12)}-${String(
        (m % 12) + 1,
      ).padStart(2, '0')}-01`;
      return {
        id: `rel-${entityRef.split('/')[1]}-${start.slice(0, 7)}`,
        entityRef,
        period: 'month',
        start,
        amount,
        currency: 'USD',
        scope: 'cloud',
      };
    }),
  );
}

/** The rows of a table as stored, in id order: what a crash must leave exactly as it was. */
async function storedRows(db: Knex, table: string, columns: string[]) {
  return db(table).select(columns).orderBy('id');
}

/**
 * Sends `records` to `route` while the harness holds a lock on the row `lockedId`, and kills
 * the backend once its import transaction waits on that row. Answers what the import's
 * connection was running when killed, or undefined when it never got there.
 */
async function killMidImport(params: {
  backend: BackendProcess;
  db: Knex;
  databaseName: string;
  table: string;
  route: string;
  records: unknown[];
  lockedId: string;
}): Promise<{ waitingQuery: string; answered: boolean } | undefined> {
  const { backend, db, table, lockedId } = params;
  const lock = await db.transaction();
  try {
    await lock(table).where('id', lockedId).forUpdate().select('id');
    let answered = false;
    const pending = backend
      .call('PUT', params.route, params.records)
      .then(() => {
        answered = true;
      })
      .catch(() => undefined);
    const waiting = await waitFor(
      async () => {
        const { rows } = await db.raw(
          `SELECT query FROM pg_stat_activity
            WHERE datname = ? AND wait_event_type = 'Lock' AND query ILIKE ?`,
          [params.databaseName, `%${table}%`],
        );
        return rows[0]?.query as string | undefined;
      },
      60_000,
      20,
    );
    if (waiting === undefined) return undefined;
    await backend.kill();
    await pending;
    return { waitingQuery: waiting, answered };
  } finally {
    await lock.rollback().catch(() => undefined);
  }
}

export const crashDuringImports: Scenario = {
  id: 'crash-during-imports',
  async run(context: ScenarioContext) {
    const checks = new Checks();
    const baseline = path.join(context.workDir, 'baseline.csv');
    await generateExport(baseline, 20_000, '2026-09', 'imports');
    const backend = new BackendProcess({
      port: context.port,
      databasePrefix: context.databasePrefix,
      workDir: context.workDir,
      name: 'crash-imports',
    });
    const databaseName = `${context.databasePrefix}finops-itam`;
    const db = suiteDatabase(context.databasePrefix);
    const conservation = async (when: string) => {
      const report = await checkConservation(db);
      checks.that(report.cells > 0, `${when}: cost cells to check`);
      checks.equal(report.broken, [], `${when}: conservation`);
      return report;
    };
    try {
      await backend.start();
      // Cost data beside the imports, allocated, so conservation has something to hold.
      const first = await upload(backend, baseline, 'uploads');
      checks.equal(first.status, 201, 'baseline upload status');
      checks.that(
        await allocateOnceCatalogKnown(
          backend,
          'component:default/checkout-api',
          {
            from: '2026-09-01',
            to: '2026-10-01',
          },
        ),
        'baseline allocation gave checkout-api its direct cost',
      );
      const costBefore = await conservation('before the crashes');

      // 1. Entitlements: 300 stored, then an import updating them all and adding 100.
      const oldEntitlements = entitlements(300, 10);
      const put = await backend.call(
        'PUT',
        '/licenses/entitlements',
        oldEntitlements,
      );
      checks.equal(put.status, 200, 'baseline entitlement import');
      const entitlementsBefore = await backend.call(
        'GET',
        '/licenses/entitlements',
      );
      const entitlementRowsBefore = await storedRows(
        db,
        ENTITLEMENTS_TABLE,
        ENTITLEMENT_COLUMNS,
      );
      // New records first, then the updates, the locked one last.
      const newEntitlements = entitlements(400, 20);
      const importOrder = [
        ...newEntitlements.slice(300),
        ...newEntitlements.slice(0, 300),
      ];
      const entitlementKill = await killMidImport({
        backend,
        db,
        databaseName,
        table: ENTITLEMENTS_TABLE,
        route: '/licenses/entitlements',
        records: importOrder,
        lockedId: importOrder[importOrder.length - 1].id,
      });
      checks.that(
        entitlementKill !== undefined,
        'the entitlement import was caught waiting on its last record',
      );
      checks.equal(
        entitlementKill?.answered,
        false,
        'the killed entitlement import answered',
      );
      context.log(
        `killed during the entitlement import at: ${entitlementKill?.waitingQuery.slice(
          0,
          80,
        )}`,
      );
      let restartedAt = Date.now();
      await backend.start();
      const entitlementRestartS = Math.round((Date.now() - restartedAt) / 1000);
      const entitlementsAfter = await backend.call(
        'GET',
        '/licenses/entitlements',
      );
      checks.equal(entitlementsAfter.status, 200, 'entitlements after restart');
      checks.that(
        JSON.stringify(entitlementsAfter.body) ===
          JSON.stringify(entitlementsBefore.body),
        'GET /licenses/entitlements after the crash answers the same bytes as before',
      );
      checks.equal(
        await storedRows(db, ENTITLEMENTS_TABLE, ENTITLEMENT_COLUMNS),
        entitlementRowsBefore,
        'stored entitlement rows after the crash',
      );
      await conservation('after the entitlement import crash');
      const again = await backend.call(
        'PUT',
        '/licenses/entitlements',
        importOrder,
      );
      checks.equal(
        again.body,
        { upserted: 400 },
        'the same entitlement import after the restart',
      );
      const entitlementsNow = await backend.call(
        'GET',
        '/licenses/entitlements',
      );
      checks.equal(
        (entitlementsNow.body?.entitlements ?? []).map((e: any) => [
          e.id,
          e.quantity,
          e.cost?.amount,
        ]),
        newEntitlements.map(e => [e.id, e.quantity, e.cost.amount]),
        'entitlements after the repeated import',
      );

      // 2. Budgets: 240 stored (4 components × 60 months), then an import with new
      // amounts for them all and 120 more months.
      const oldBudgets = budgets(60, '1000.50');
      const storedBudgets = await waitFor(
        async () => {
          // The catalog may not know the components yet right after start.
          const r = await backend.call('PUT', '/budgets', oldBudgets);
          return r.status === 200 ? r : undefined;
        },
        120_000,
        2_000,
      );
      checks.equal(
        storedBudgets?.body,
        { upserted: 240 },
        'baseline budget import',
      );
      const budgetColumns = [
        'id',
        'entity_ref',
        'period',
        'start',
        'amount',
        'currency',
        'scope',
        'source',
        'thresholds',
        'updated_at',
      ];
      const budgetRowsBefore = await storedRows(
        db,
        BUDGETS_TABLE,
        budgetColumns,
      );
      const budgetsDayBefore = await backend.call(
        'GET',
        '/budgets?day=2022-06-15',
      );
      const newBudgets = budgets(90, '2000.75');
      const budgetKill = await killMidImport({
        backend,
        db,
        databaseName,
        table: BUDGETS_TABLE,
        route: '/budgets',
        records: newBudgets,
        lockedId: oldBudgets[oldBudgets.length - 1].id,
      });
      checks.that(
        budgetKill !== undefined,
        'the budget import was caught waiting on a locked record',
      );
      checks.equal(
        budgetKill?.answered,
        false,
        'the killed budget import answered',
      );
      context.log(
        `killed during the budget import at: ${budgetKill?.waitingQuery.slice(
          0,
          80,
        )}`,
      );
      restartedAt = Date.now();
      await backend.start();
      const budgetRestartS = Math.round((Date.now() - restartedAt) / 1000);
      checks.equal(
        await storedRows(db, BUDGETS_TABLE, budgetColumns),
        budgetRowsBefore,
        'stored budget rows after the crash',
      );
      const budgetsDayAfter = await backend.call(
        'GET',
        '/budgets?day=2022-06-15',
      );
      checks.that(
        JSON.stringify(budgetsDayAfter.body) ===
          JSON.stringify(budgetsDayBefore.body),
        'GET /budgets after the crash answers the same bytes as before',
      );
      const costAfter = await conservation('after the budget import crash');
      checks.equal(
        costAfter.sums,
        costBefore.sums,
        'cost sums after both crashes equal those before',
      );
      const budgetsAgain = await waitFor(
        async () => {
          const r = await backend.call('PUT', '/budgets', newBudgets);
          return r.status === 200 ? r : undefined;
        },
        120_000,
        2_000,
      );
      checks.equal(
        budgetsAgain?.body,
        { upserted: 360 },
        'the same budget import after the restart',
      );
      const budgetRowsNow = await storedRows(db, BUDGETS_TABLE, [
        'id',
        'amount',
      ]);
      checks.equal(
        budgetRowsNow.map((r: any) => [r.id, new Money(r.amount).toFixed()]),
        newBudgets
          .map(b => b.id)
          .sort()
          .map(id => [id, '2000.75']),
        'budgets after the repeated import',
      );
      return checks.row({
        fault:
          '`kill -9` inside the transaction of an entitlement import (`PUT /licenses/entitlements`, 400 records, 399 written) and of a budget import (`PUT /budgets`, 360 records, caught at the batch holding its last stored record)',
        happened: `PostgreSQL rolled both transactions back: after each restart (${entitlementRestartS} s and ${budgetRestartS} s to healthy) the 300 earlier entitlements and 240 earlier budgets were stored exactly as before and the API answered the same bytes; the same imports then stored 400 entitlements and 360 budgets; conservation held on ${
          costAfter.cells
        } day × currency × basis cells (${describeConservation(costAfter)})`,
        userSees:
          'the import request fails (connection closed) and nothing of it is stored; sending it again after the restart succeeds',
      });
    } finally {
      await backend.stop();
      await db.destroy();
    }
  },
};
