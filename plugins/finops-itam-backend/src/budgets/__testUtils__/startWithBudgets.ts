import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/config';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import { testEntity } from '../../allocation/__testUtils__/facts';
import { finopsItamPlugin } from '../../plugin';
import {
  grantingPermissions,
  recordingAuditor,
  recordingNotifications,
} from '../../__testUtils__/testServices';

export const ALICE = 'user:default/alice';
export const CAROL = 'user:default/carol';

/** alice manages budgets and licenses; carol only reads. */
const GRANTS: Record<string, string[]> = {
  [ALICE]: [
    'finops-itam.read',
    'finops-itam.cost.read',
    'finops-itam.budget.manage',
    'finops-itam.license.manage',
  ],
  [CAROL]: ['finops-itam.read', 'finops-itam.cost.read'],
};

export const as = (user: string) => mockCredentials.user.header(user);

/** A team, its system and three services: checkout and search bill USD, euro-shop EUR. */
export const budgetEntities = [
  testEntity('Group', 'team-a'),
  testEntity('System', 'shop', { spec: { owner: 'team-a' } }),
  testEntity('Component', 'checkout', {
    annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
    spec: { system: 'shop', owner: 'team-a' },
  }),
  testEntity('Component', 'search', {
    annotations: { 'finops-itam.io/cost-tags': 'application=search' },
    spec: { system: 'shop', owner: 'team-a' },
  }),
  testEntity('Component', 'euro-shop', {
    annotations: { 'finops-itam.io/cost-tags': 'application=euro-shop' },
    spec: { owner: 'team-a' },
  }),
];

/**
 * The whole plugin with per-user permissions, a notification service that records what it
 * is sent (and can be made to fail), and a scheduler whose tasks the test runs.
 */
export async function startWithBudgets(
  knex: Knex,
  finopsItam: JsonObject = {},
) {
  const failing = { sends: 0 };
  // Each failing send counts down, so a test can make the next few sends fail.
  const { factory: notifications, sent } = recordingNotifications(() => {
    if (failing.sends === 0) return false;
    failing.sends -= 1;
    return true;
  });
  const permissions = grantingPermissions(GRANTS);
  const { auditor, event } = recordingAuditor();
  const scheduler = mockServices.scheduler.mock();
  scheduler.triggerTask.mockResolvedValue(undefined);
  const { server } = await startTestBackend({
    features: [
      finopsItamPlugin,
      notifications,
      permissions.factory,
      auditor.factory,
      scheduler.factory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: budgetEntities }),
      mockServices.rootConfig.factory({ data: { finopsItam } }),
    ],
  });
  /** Runs a scheduled task of the plugin now. */
  const runTask = async (id: string) => {
    const call = scheduler.scheduleTask.mock.calls.find(
      ([task]) => task.id === id,
    );
    if (!call) throw new Error(`the task ${id} was not scheduled`);
    await call[0].fn(new AbortController().signal);
  };
  return {
    server: server as Server,
    sent,
    failing,
    auditor,
    event,
    runTask,
  };
}
