import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { assertBreakGlassHash } from './passwordHash';

/** One admin who may sign in without authentik, and their password's hash. */
export interface BreakGlassUser {
  userEntityRef: string;
  passwordHash: string;
}

/** Reads `auth.providers.breakglass.users`; a bad entry stops the backend. */
export function readBreakGlassUsers(config: Config): BreakGlassUser[] {
  return config.getConfigArray('users').map((user, i) => {
    const key = `auth.providers.breakglass.users[${i}]`;
    const ref = user.getString('userEntityRef');
    const passwordHash = user.getString('passwordHash');
    assertBreakGlassHash(passwordHash, `${key}.passwordHash`);
    return {
      userEntityRef: stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'user',
          defaultNamespace: 'default',
        }),
      ),
      passwordHash,
    };
  });
}

/** The user a Basic-auth name stands for: `admin` or `user:default/admin`. */
export function findBreakGlassUser(
  users: BreakGlassUser[],
  name: string,
): BreakGlassUser | undefined {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(name, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
  return users.find(u => u.userEntityRef === ref);
}
