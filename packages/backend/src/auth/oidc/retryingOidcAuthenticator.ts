import { createOAuthAuthenticator } from '@backstage/plugin-auth-node';
import { oidcAuthenticator } from '@backstage/plugin-auth-backend-module-oidc-provider';

type OidcContext = ReturnType<typeof oidcAuthenticator.initialize>;

/**
 * The stock OIDC authenticator, except that a failed discovery is retried.
 * The stock one fetches authentik's metadata once, at backend start, and
 * keeps the failure: a portal started while authentik is down (the very
 * incident it exists for) could then never sign anyone in through authentik
 * again until restarted. Here the next sign-in attempt discovers again.
 */
export const retryingOidcAuthenticator = createOAuthAuthenticator({
  defaultProfileTransform: oidcAuthenticator.defaultProfileTransform,
  scopes: oidcAuthenticator.scopes,
  initialize(options) {
    const connect = (): OidcContext => {
      const ctx = oidcAuthenticator.initialize(options);
      // Seen by the next caller of current(); not an unhandled rejection.
      ctx.promise.catch(() => undefined);
      return ctx;
    };
    let ctx = connect();
    return {
      async current(): Promise<OidcContext> {
        try {
          await ctx.promise;
          return ctx;
        } catch {
          ctx = connect();
          await ctx.promise;
          return ctx;
        }
      },
    };
  },
  async start(input, ctx) {
    return oidcAuthenticator.start(input, await ctx.current());
  },
  async authenticate(input, ctx) {
    return oidcAuthenticator.authenticate(input, await ctx.current());
  },
  async refresh(input, ctx) {
    return oidcAuthenticator.refresh(input, await ctx.current());
  },
  async logout(input, ctx) {
    await oidcAuthenticator.logout?.(input, await ctx.current());
  },
});
