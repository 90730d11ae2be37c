import { mockServices } from '@backstage/backend-test-utils';
import { OnboardingNotifier } from './OnboardingNotifier';
import { StoredOnboardingRequest } from './OnboardingStore';

const request = {
  id: 'r-1',
  status: 'pending-review',
  title: 'New billing service',
  entityRef: 'component:default/new-billing',
  owner: 'group:default/team-payments',
  requestedBy: 'user:default/alice',
  checks: [],
} as unknown as StoredOnboardingRequest;

describe('OnboardingNotifier', () => {
  it('logs a failed send instead of failing the change', async () => {
    const logger = mockServices.logger.mock();
    const notifier = new OnboardingNotifier({
      notifications: {
        send: async () => {
          throw new Error('notifications backend unreachable');
        },
      },
      logger,
      reviewers: [],
    });

    await expect(notifier.notify(request, 'filed', 'Filed')).resolves.toBe(
      undefined,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('notifications backend unreachable'),
    );
  });

  it('sends to requester, owner and reviewers once each, scoped to the request', async () => {
    const send = jest.fn();
    const notifier = new OnboardingNotifier({
      notifications: { send },
      logger: mockServices.logger.mock(),
      reviewers: ['group:default/team-itam', 'group:default/team-payments'],
    });

    await notifier.notify(request, 'filed', 'Filed');

    expect(send).toHaveBeenCalledWith({
      recipients: {
        type: 'entity',
        entityRef: [
          'user:default/alice',
          'group:default/team-payments',
          'group:default/team-itam',
        ],
      },
      payload: expect.objectContaining({
        title: 'New onboarding request: New billing service',
        link: '/finops-itam/itam?request=r-1',
        scope: 'finops-itam:onboarding:r-1',
      }),
    });
  });
});
