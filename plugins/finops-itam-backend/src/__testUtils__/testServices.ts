/* eslint-disable @typescript-eslint/no-explicit-any -- the permissions mock takes the service's loosely typed arguments */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

/**
 * A permissions service that allows service principals everything and each user the
 * permission names `grants` lists for their entity ref, denying the rest.
 */
export function grantingPermissions(grants: Record<string, string[]>) {
  // The same unconditional answer with an entity (authorize) and without (authorizeConditional).
  const decide = (async (requests: any[], options: any) => {
    const principal = options.credentials.principal;
    return requests.map(
      (r): PolicyDecision => ({
        result:
          principal.type === 'service' ||
          (grants[principal.userEntityRef] ?? []).includes(r.permission.name)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }),
    );
  }) as any;
  return mockServices.permissions.mock({
    authorize: decide,
    authorizeConditional: decide,
  });
}

/** An auditor whose every event is the one returned here, to assert on its outcomes. */
export function recordingAuditor() {
  const auditor = mockServices.auditor.mock();
  const event = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(event as any);
  return { auditor, event };
}

/**
 * A notification service that records what it is asked to send, and throws instead while
 * `fails()` says so (a notifications backend that is down).
 */
export function recordingNotifications(fails: () => boolean = () => false) {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send(options: NotificationSendOptions) {
        if (fails()) throw new Error('notifications are down');
        sent.push(options);
      },
    }),
  });
  return { factory, sent };
}
