import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { guestSignInPage } from './SignInPage';

/** Sign-in page of the portal; sign-in page extensions must belong to the app plugin. */
export const authModule = createFrontendModule({
  pluginId: 'app',
  extensions: [guestSignInPage],
});
