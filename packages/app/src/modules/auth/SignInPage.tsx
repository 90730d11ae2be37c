import { SignInPage } from '@backstage/core-components';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Sign-in with the guest provider, which the backend enables with `auth.providers.guest`.
 * Left unnamed so that its id, `sign-in-page:app`, replaces the app plugin's default.
 */
export const guestSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      <SignInPage {...props} providers={['guest']} />,
  },
});
