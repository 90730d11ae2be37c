import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/config';
import { DateTime } from 'luxon';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import request from 'supertest';
import { insertFacts, testEntity } from '../../allocation/__testUtils__/facts';
import { finopsItamPlugin } from '../../plugin';
import {
  grantingPermissions,
  recordingAuditor,
  recordingNotifications,
} from '../../__testUtils__/testServices';

export const ALICE = 'user:default/alice';
export const CAROL = 'user:default/carol';

/**
 * alice manages anomalies; carol only reads. Both read every entity's cost, which the list's
 * amounts are. Services may do everything.
 */
const GRANTS: Record<string, string[]> = {
  [ALICE]: [
    'finops-itam.read',
    'finops-itam.cost.read',
    'finops-itam.anomaly.manage',
  ],
  [CAROL]: ['finops-itam.read', 'finops-itam.cost.read'],
};

export const as = (user: string) => mockCredentials.user.header(user);

/** Days of cost history before the spike, and the spike's distance from the last day. */
const HISTORY_DAYS = 60;
const SPIKE_DAYS_BEFORE_END = 4;

/** The last day of the seeded cost: complete (three days ago), whatever day the test runs. */
export const lastCostDay = DateTime.utc().minus({ days: 3 }).toISODate()!;
export const spikeDay = DateTime.fromISO(lastCostDay)
  .minus({ days: SPIKE_DAYS_BEFORE_END })
  .toISODate()!;

/**
 * Checkout's cost: about 100 USD a day on one EC2 instance (a small, fixed wobble so the
 * spread is not zero), and on `spikeDay` 400 USD more on a Lambda function nobody runs
 * otherwise: one clear anomaly whose drivers are that service and that resource.
 */
function checkoutFacts() {
  const first = DateTime.fromISO(lastCostDay).minus({ days: HISTORY_DAYS });
  const facts = [];
  for (let i = 0; i <= HISTORY_DAYS; i++) {
    const day = first.plus({ days: i }).toISODate()!;
    const wobble = ((i * 7) % 11) - 5;
    facts.push({
      day,
      tags: { application: 'checkout' },
      serviceName: 'Amazon EC2',
      resourceName: 'web-1',
      billedCost: `${100 + wobble}.25`,
    });
    if (day === spikeDay) {
      facts.push({
        day,
        tags: { application: 'checkout' },
        serviceName: 'AWS Lambda',
        serviceCategory: 'Compute',
        resourceName: 'fn-batch',
        billedCost: '400.00',
      });
    }
  }
  return facts;
}

/**
 * The whole plugin with per-user permissions, a notification service that records what it
 * is asked to send (and fails while `failSends` is set), a scheduler whose tasks the test
 * runs, and checkout's cost allocated: what the detection task reads.
 */
export async function startWithAnomalies(knex: Knex, config: JsonObject = {}) {
  const control = { failSends: false };
  const { factory: notifications, sent } = recordingNotifications(
    () => control.failSends,
  );
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
      catalogServiceMock.factory({
        entities: [
          testEntity('Group', 'team-checkout'),
          testEntity('Component', 'checkout', {
            annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
            spec: { owner: 'team-checkout' },
          }),
        ],
      }),
      mockServices.rootConfig.factory({
        data: { finopsItam: { anomalies: config } },
      }),
    ],
  });
  await insertFacts(knex, checkoutFacts());
  const allocation = await request(server)
    .post('/api/finops-itam/allocation/run')
    .set('Authorization', mockCredentials.service.header());
  if (allocation.status !== 200) {
    throw new Error(`allocation failed: ${JSON.stringify(allocation.body)}`);
  }

  /** Runs the scheduled detection task now, as the scheduler would. */
  const detect = async () => {
    const call = scheduler.scheduleTask.mock.calls.find(
      ([task]) => task.id === 'finops-itam-anomaly-detection',
    );
    if (!call) throw new Error('the detection task was not scheduled');
    await call[0].fn(new AbortController().signal);
  };
  return {
    server: server as Server,
    sent,
    control,
    auditor,
    event,
    scheduler,
    detect,
  };
}
