import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { finopsItamOnboardingReviewPermission } from '@finops-itam/plugin-finops-itam-common';

/** The groups whose members may review, as the finops-itam backend notifies them. */
const REVIEWERS_KEY = 'finopsItam.onboarding.reviewers';

/** `team-itam` or `Group:default/team-itam` → `group:default/team-itam`, as ownership refs are written. */
function normalizeGroupRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}

/**
 * The demo portal's policy: everyone signed in may do everything, except deciding on
 * onboarding requests, which only members of the reviewer groups may do. A real portal
 * would write its own; this one shows that the review permission is what separates a
 * requester from a reviewer.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  private readonly reviewerGroups: Set<string>;

  constructor(
    reviewerGroups: string[],
    private readonly userInfo: UserInfoService,
  ) {
    this.reviewerGroups = new Set(reviewerGroups.map(normalizeGroupRef));
  }

  static fromConfig(config: Config, userInfo: UserInfoService) {
    return new DemoPermissionPolicy(
      config.getOptionalStringArray(REVIEWERS_KEY) ?? [],
      userInfo,
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      !isPermission(request.permission, finopsItamOnboardingReviewPermission)
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    const isReviewer = ownershipEntityRefs.some(ref =>
      this.reviewerGroups.has(ref.toLocaleLowerCase('en-US')),
    );
    return {
      result: isReviewer ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    };
  }
}

/** Installs {@link DemoPermissionPolicy} in the permission backend. */
export const demoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        logger: coreServices.logger,
      },
      async init({ policy, config, userInfo, logger }) {
        const demoPolicy = DemoPermissionPolicy.fromConfig(config, userInfo);
        if (!config.has(REVIEWERS_KEY)) {
          logger.warn(
            `${REVIEWERS_KEY} is not set: nobody can review onboarding requests`,
          );
        }
        policy.setPolicy(demoPolicy);
      },
    });
  },
});
