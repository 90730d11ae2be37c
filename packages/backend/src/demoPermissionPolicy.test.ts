import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  finopsItamLicenseManagePermission as manageLicenses,
  finopsItamOnboardingReviewPermission as review,
} from '@finops-itam/plugin-finops-itam-common';
import { DemoPermissionPolicy } from './demoPermissionPolicy';

/** A signed-in user whose ownership refs are `ownershipEntityRefs`. */
function signedIn(userEntityRef: string, ownershipEntityRefs: string[]) {
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs },
  };
}

/** The catalog's answer for each user: their own ref and their groups. */
const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    const groups: Record<string, string[]> = {
      'user:default/ines.asset': ['group:default/team-itam'],
      'user:default/frank.ops': ['group:default/team-finops'],
      'user:default/ada.lovelace': ['group:default/team-checkout'],
    };
    return { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups[ref]] };
  },
});

describe('DemoPermissionPolicy', () => {
  const policy = DemoPermissionPolicy.fromConfig(
    mockServices.rootConfig({
      data: {
        finopsItam: {
          onboarding: {
            // Written as config authors do: short and with a capital kind.
            reviewers: ['team-itam', 'Group:default/team-finops'],
          },
        },
      },
    }),
    userInfo,
  );

  it('lets members of the reviewer groups decide on onboarding requests', async () => {
    for (const reviewer of [
      'user:default/ines.asset',
      'user:default/frank.ops',
    ]) {
      await expect(
        policy.handle({ permission: review }, signedIn(reviewer, [])),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('refuses the review to everyone else, and to requests without a user', async () => {
    await expect(
      policy.handle(
        { permission: review },
        signedIn('user:default/ada.lovelace', []),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(policy.handle({ permission: review })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('allows every other permission to any signed-in user', async () => {
    await expect(
      policy.handle(
        { permission: manageLicenses },
        signedIn('user:default/ada.lovelace', []),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets nobody review when no reviewer groups are configured', async () => {
    const unconfigured = DemoPermissionPolicy.fromConfig(
      mockServices.rootConfig(),
      userInfo,
    );
    await expect(
      unconfigured.handle(
        { permission: review },
        signedIn('user:default/ines.asset', []),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
