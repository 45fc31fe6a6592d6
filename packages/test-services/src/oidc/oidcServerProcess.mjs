// A real OpenID Connect provider (the `oidc-provider` library) for tests, in
// its own process: tests start and stop it like the identity provider it
// stands in for (authentik), and the library's ES module never has to load
// inside Jest. Options arrive as JSON in OIDC_TEST_SERVER_OPTIONS; the
// process prints "listening <issuer>" once it accepts connections.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const options = JSON.parse(process.env.OIDC_TEST_SERVER_OPTIONS ?? '{}');
const issuer = `http://localhost:${options.port}`;
const users = options.users ?? {};

const provider = new Provider(issuer, {
  clients: options.clients,
  cookies: { keys: ['oidc-test-server-cookie-key'] },
  // authentik's default scope mappings: `profile` carries the groups claim.
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'groups'],
    email: ['email', 'email_verified'],
  },
  // Any login name signs in (the library's development login form); a name
  // the test did not list is an authentik account that exists but has no
  // groups and, usually, no User in the portal's catalog.
  async findAccount(_ctx, id) {
    const user = users[id] ?? {};
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          preferred_username: id,
          name: user.name ?? id,
          ...(user.email
            ? { email: user.email, email_verified: user.emailVerified ?? true }
            : {}),
          groups: user.groups ?? [],
        };
      },
    };
  },
  // The portal is a trusted first-party client: no consent page, as an
  // authentik provider with implicit consent.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email offline_access');
    await grant.save();
    return grant;
  },
  issueRefreshToken: async () => true,
  pkce: { required: () => false },
  features: { devInteractions: { enabled: true } },
});
provider.on('server_error', (_ctx, error) => {
  process.stderr.write(`oidc server_error: ${error?.stack ?? error}\n`);
});

const server = createServer(provider.callback());
server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`listening ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
