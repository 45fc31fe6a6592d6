import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';
import { findBreakGlassUser, readBreakGlassUsers } from './breakGlassUsers';
import { FailureLimiter } from './failureLimiter';
import { verifyBreakGlassPassword } from './passwordHash';

/** What a checked password proves: who it belongs to. */
export interface BreakGlassResult {
  userEntityRef: string;
}

function readBasicCredentials(req: {
  header(name: string): string | undefined;
}) {
  const header = req.header('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Checks a name and password (HTTP Basic, sent by the portal's sign-in page)
 * against the hashes in `auth.providers.breakglass.users`. Nothing here
 * talks to authentik, so it works while authentik is down. Every attempt is
 * logged at warn level, by name and address, never with the password.
 * Failures are counted in the cache service, shared by the replicas.
 */
export function createBreakGlassAuthenticator(
  logger: LoggerService,
  cache: CacheService,
) {
  const limiter = new FailureLimiter(cache);
  return createProxyAuthenticator<
    ReturnType<typeof readBreakGlassUsers>,
    BreakGlassResult,
    undefined
  >({
    defaultProfileTransform: async () => ({ profile: {} }),
    initialize({ config }) {
      const users = readBreakGlassUsers(config);
      logger.warn(
        `BREAK-GLASS sign-in is ENABLED for ${users
          .map(u => u.userEntityRef)
          .join(
            ', ',
          )}: anyone with one of these passwords signs in without authentik`,
      );
      return users;
    },
    async authenticate({ req }, users) {
      const credentials = readBasicCredentials(req);
      if (!credentials) {
        throw new AuthenticationError(
          'Break-glass sign-in needs a name and password',
        );
      }
      const { name, password } = credentials;
      const meta = { breakGlassUser: name, remoteAddress: req.ip };
      const locked = await limiter.lockedForMinutes(name);
      if (locked > 0) {
        logger.warn('BREAK-GLASS sign-in refused: too many failures', meta);
        throw new NotAllowedError(
          `Too many failed break-glass attempts for "${name}"; try again in ${locked} minute(s)`,
        );
      }
      const user = findBreakGlassUser(users, name);
      // A name with no entry costs a hash too, so timing does not tell which names exist.
      const ok = await verifyBreakGlassPassword(
        password,
        user?.passwordHash ?? users[0]?.passwordHash ?? 'scrypt:AA==:AA==',
      );
      if (!user || !ok) {
        await limiter.fail(name);
        logger.warn(
          'BREAK-GLASS sign-in refused: wrong name or password',
          meta,
        );
        throw new AuthenticationError('Wrong break-glass name or password');
      }
      await limiter.succeed(name);
      return { result: { userEntityRef: user.userEntityRef } };
    },
  });
}
