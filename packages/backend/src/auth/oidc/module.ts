import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { readPortalAuthConfig } from '../portalAuthConfig';
import { createOidcSignInResolver } from './oidcSignInResolver';
import { retryingOidcAuthenticator } from './retryingOidcAuthenticator';

/**
 * Sign-in through authentik (`auth.providers.oidc`), resolved to catalog
 * users by the portal's own resolver (oidcSignInResolver.ts).
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'portal-oidc',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: retryingOidcAuthenticator,
            signInResolver: createOidcSignInResolver(
              readPortalAuthConfig(config),
            ),
          }),
        });
      },
    });
  },
});
