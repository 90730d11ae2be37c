import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { OnboardingHistoryEntry } from '@finops-itam/plugin-finops-itam-common';
import { StoredOnboardingRequest } from './OnboardingStore';

/** The ITAM page route of the frontend plugin; `?request=` opens a request's detail. */
const ITAM_PAGE = '/finops-itam/itam';

/** What happened: the action of the history entry the notification is about. */
export type OnboardingEvent = OnboardingHistoryEntry['action'];

const TITLES: Record<OnboardingEvent, string> = {
  filed: 'New onboarding request',
  updated: 'Onboarding request updated',
  approved: 'Onboarding request approved',
  rejected: 'Onboarding request rejected',
  'changes-requested': 'Changes requested on onboarding request',
  'checks-changed': 'Onboarding checks changed',
  fulfilled: 'Onboarding request fulfilled',
  expired: 'Onboarding request expired',
};

/** A user ref, the only kind of requester that can receive a notification. */
const isEntityRef = (ref: string) => /^[a-z]+:[^/]+\/.+$/i.test(ref);

/**
 * Tells the requester, the owner group and the reviewers what happened to a request,
 * through the Backstage notifications service. One scope per request, so a later
 * notification replaces the earlier one in their inbox. A failed send is logged and never
 * fails the change that caused it.
 */
export class OnboardingNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      logger: LoggerService;
      /** Lowercase group refs (`finopsItam.onboarding.reviewers`). */
      reviewers: string[];
    },
  ) {}

  async notify(
    request: StoredOnboardingRequest,
    event: OnboardingEvent,
    detail: string,
  ): Promise<void> {
    const recipients = [
      ...new Set(
        [request.requestedBy, request.owner, ...this.deps.reviewers].filter(
          isEntityRef,
        ),
      ),
    ];
    const failed = request.checks.filter(c => c.status === 'fail');
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: `${TITLES[event]}: ${request.title}`,
          description: `${request.entityRef} (${request.status}). ${detail}`,
          link: `${ITAM_PAGE}?request=${encodeURIComponent(request.id)}`,
          severity:
            event === 'rejected' || failed.length > 0 ? 'high' : 'normal',
          topic: 'finops-itam onboarding',
          scope: `finops-itam:onboarding:${request.id}`,
        },
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not notify about onboarding request ${request.id} (${event}): ${error}`,
      );
    }
  }
}
