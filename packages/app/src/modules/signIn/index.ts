import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: () => import('./PortalSignInPage').then(m => m.PortalSignInPage),
  },
});

/** The portal's sign-in page and the authentik auth API it uses. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oidcAuthApi],
});
