import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { readPortalAuthConfig } from '../portalAuthConfig';
import { createBreakGlassAuthenticator } from './breakGlassAuthenticator';
import { createBreakGlassSignInResolver } from './breakGlassSignInResolver';

/**
 * The way in when authentik is down (docs/operations/sign-in.md). The auth
 * backend only configures it when `auth.providers.breakglass` exists, so it
 * is off unless a deployment sets it on purpose.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'portal-breakglass',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
      },
      async init({ providers, config, logger, cache }) {
        providers.registerProvider({
          providerId: 'breakglass',
          factory: createProxyAuthProviderFactory({
            authenticator: createBreakGlassAuthenticator(logger, cache),
            signInResolver: createBreakGlassSignInResolver(
              readPortalAuthConfig(config),
              logger,
            ),
          }),
        });
      },
    });
  },
});
