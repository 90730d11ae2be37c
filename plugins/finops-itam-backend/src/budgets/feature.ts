import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { FinopsItamHooks } from '../feature/hooks';
import { FinopsItamStores } from '../feature/stores';
import { EntityForecastService } from '../forecasts/EntityForecastService';
import { licenseAmountsByEntity } from '../forecasts/entityLicenseAmounts';
import { ApprovedReservation } from '../forecasts';
import { createBudgetRoutes } from '../routes/budgets';
import { createForecastRoutes } from '../routes/forecast';
import { BudgetAlertRun } from './BudgetAlertRun';
import { readBudgetSettings } from './budgetConfig';
import { BudgetService } from './BudgetService';
import { BudgetSourceRunner } from './BudgetSourceRunner';
import { validateBudgets } from './validateBudgets';

export const BUDGET_ALERTS_TASK_ID = 'finops-itam-budget-alerts';
export const budgetSourceTaskId = (sourceId: string) =>
  `finops-itam-budget-source-${sourceId}`;

/** Which of the refs the catalog knows, read with the plugin's own credentials. */
function catalogLookups(catalog: CatalogService, auth: AuthService) {
  const entity = async (ref: string) =>
    catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
  return {
    async knownEntityRefs(refs: readonly string[]): Promise<Set<string>> {
      const found = await Promise.all(refs.map(ref => entity(ref)));
      return new Set(
        found
          .filter(e => e !== undefined)
          .map(e => stringifyEntityRef(e!).toLocaleLowerCase('en-US')),
      );
    },
    /** A group owns itself; other entities their `ownedBy` relation (spec.owner resolved). */
    async ownerOf(entityRef: string): Promise<string | undefined> {
      if (entityRef.startsWith('group:')) return entityRef;
      const found = await entity(entityRef);
      const owner =
        found?.relations?.find(r => r.type === 'ownedBy')?.targetRef ??
        (typeof found?.spec?.owner === 'string' ? found.spec.owner : undefined);
      if (!owner || !found) return undefined;
      return stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: found.metadata.namespace ?? 'default',
        }),
      ).toLocaleLowerCase('en-US');
    },
  };
}

/** Approved onboarding reservations, each from its request's go-live (or today, when past). */
async function approvedReservations(
  hooks: FinopsItamHooks,
  stores: FinopsItamStores,
): Promise<ApprovedReservation[]> {
  const reservations = await hooks.onboardingLicenseHolds.get().reservations();
  const goLive = new Map<string, string>();
  for (const id of new Set(reservations.map(r => r.requestId))) {
    const request = await stores.onboarding.get(id);
    if (request) goLive.set(id, request.goLive);
  }
  const today = new Date().toISOString().slice(0, 10);
  return reservations.map(r => {
    const from = goLive.get(r.requestId) ?? today;
    return { ...r, from: from < today ? today : from };
  });
}

/**
 * Budgets and forecasts (issue 16): budgets from app-config, budget files and the API; each
 * budget's actual, forecast and status; an entity's forecast with its known license changes;
 * alerts to owner groups when a budget crosses a threshold.
 */
export const createBudgetsFeature: FinopsItamFeatureFactory = async core => {
  const { config, logger, stores, hooks } = core;
  const settings = readBudgetSettings(config);
  const lookups = catalogLookups(core.catalog, core.auth);
  const entityCost = (
    ref: { kind: string; namespace: string; name: string },
    period: { from: string; to: string },
  ) =>
    hooks.entityCost.get().entityCost(ref, {
      ...period,
      basis: 'amortized',
      granularity: 'day',
    });

  const forecasts = new EntityForecastService({
    entityCost,
    licenseFacts: async () => hooks.licenseEngine.get().snapshot(),
    reservations: () => approvedReservations(hooks, stores),
    rollupMembersOf: ref => stores.allocations.rollupMembersOf(ref),
    latestCostDay: () => stores.licensedFacts.latestFactDay(),
    costDataVersion: async () =>
      (await stores.allocations.allocationSnapshot()).costDataVersion,
    splitLicenseAmounts: licenseAmountsByEntity,
  });
  const budgets = new BudgetService({
    store: stores.budgets,
    calendar: settings.calendar,
    knownEntityRefs: lookups.knownEntityRefs,
    entityCost,
    forecasts,
    rollupMembersOf: ref => stores.allocations.rollupMembersOf(ref),
  });

  // app-config's budgets replace the ones it gave before, unless they clash with budgets
  // of the API or a source (then the previous ones stay and the log says why).
  const others = (await stores.budgets.list()).filter(
    b => b.source !== 'config',
  );
  const checked = validateBudgets(settings.configBudgets, {
    calendar: settings.calendar,
    existing: others,
  });
  if (!checked.ok) {
    logger.error(
      `finopsItam.budgets not stored, the ones stored before are kept: ${checked.problems
        .map(p => `finopsItam.budgets[${p.index}].${p.field}: ${p.reason}`)
        .join('; ')}`,
    );
  } else {
    try {
      const { upserted, deleted } = await stores.budgets.replaceSource(
        'config',
        checked.budgets,
        new Date(),
      );
      logger.info(
        `Stored ${upserted} budget(s) of finopsItam.budgets, removed ${deleted}`,
      );
    } catch (error) {
      logger.error(`finopsItam.budgets not stored: ${error}`);
    }
  }

  const sourceRunner = new BudgetSourceRunner({
    fetcher: core.fileFetcher,
    store: stores.budgets,
    calendar: settings.calendar,
    knownEntityRefs: lookups.knownEntityRefs,
    logger,
  });
  const alerts = new BudgetAlertRun({
    store: stores.budgets,
    claims: stores.notificationClaims,
    evaluate: () => budgets.list(),
    ownerOf: lookups.ownerOf,
    notifications: core.notifications,
    logger,
  });
  // A signal's listener must never throw into the announcer (an ingestion): the trigger is
  // started inside a promise, so even a scheduler that fails synchronously is only logged.
  hooks.costDataChanged.on(() => {
    Promise.resolve()
      .then(() => core.scheduler.triggerTask(BUDGET_ALERTS_TASK_ID))
      .catch(error =>
        logger.warn(`Could not start the budget alert run: ${error}`),
      );
  });

  return {
    id: 'budgets',
    routes: [
      {
        mount: router =>
          router.use(
            createBudgetRoutes({
              budgets,
              requirePermission: core.requirePermission,
              auditor: core.auditor,
            }),
          ),
      },
      {
        mount: router =>
          router.use(
            createForecastRoutes({
              forecasts,
              requirePermission: core.requirePermission,
            }),
          ),
      },
    ],
    tasks: [
      ...settings.sources.map(source => ({
        id: budgetSourceTaskId(source.id),
        ...source.schedule,
        scope: 'global' as const,
        fn: async () => {
          await sourceRunner.run(source);
        },
      })),
      {
        id: BUDGET_ALERTS_TASK_ID,
        ...settings.alertSchedule,
        scope: 'global',
        fn: async () => {
          await alerts.run();
        },
      },
    ],
  };
};
