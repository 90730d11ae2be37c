import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
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
export const BOB = 'user:default/bob';
export const CAROL = 'user:default/carol';

/**
 * Who may do what: alice files requests, bob reviews them, carol only reads; services
 * (the scaffolder action) may do everything.
 */
const GRANTS: Record<string, string[]> = {
  [ALICE]: ['finops-itam.read', 'finops-itam.onboarding.create'],
  [BOB]: ['finops-itam.read', 'finops-itam.onboarding.review'],
  [CAROL]: ['finops-itam.read'],
};

export const as = (user: string) => mockCredentials.user.header(user);

export const onboardingConfig = {
  policies: {
    allowedProviders: ['AWS', 'Azure'],
    allowedRegions: ['eu-west-1', 'eu-central-1', 'westeurope'],
    requiredTags: ['cost-center'],
    marketplace: 'needs-approval',
  },
  onboarding: {
    reviewers: ['group:default/team-itam'],
  },
};

/** The whole plugin with per-user permissions, a recording notification service and a scheduler whose tasks the test runs. */
export async function startWithOnboarding(knex: Knex) {
  const { factory: notifications, sent } = recordingNotifications();
  const permissions = grantingPermissions(GRANTS);
  const { auditor, event } = recordingAuditor();
  const scheduler = mockServices.scheduler.mock();
  // License writes ask for a license cost run; the test runs only the recheck task itself.
  scheduler.triggerTask.mockResolvedValue(undefined);
  const { server } = await startTestBackend({
    features: [
      finopsItamPlugin,
      notifications,
      permissions.factory,
      auditor.factory,
      scheduler.factory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: [
          testEntity('Group', 'team-payments'),
          testEntity('Component', 'new-billing'),
        ],
      }),
      mockServices.rootConfig.factory({
        data: { finopsItam: onboardingConfig },
      }),
    ],
  });
  /** Runs the scheduled recheck (fulfilment, expiry, checks) now. */
  const recheck = async () => {
    const call = scheduler.scheduleTask.mock.calls.find(
      ([task]) => task.id === 'finops-itam-onboarding-recheck',
    );
    if (!call) throw new Error('the recheck task was not scheduled');
    await call[0].fn(new AbortController().signal);
  };
  return { server: server as Server, sent, auditor, event, recheck };
}
