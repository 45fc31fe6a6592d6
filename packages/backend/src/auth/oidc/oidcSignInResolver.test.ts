import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { AuthResolverContext } from '@backstage/plugin-auth-node';
import { createOidcSignInResolver } from './oidcSignInResolver';

const user = (name: string, email?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: email ? { email } : {}, memberOf: ['namespace-owners'] },
});

/** A catalog of `users`; ownership is the user plus its memberOf groups. */
function contextWith(users: Entity[]): AuthResolverContext {
  return {
    async findCatalogUser(query: any) {
      const found = users.find(u =>
        'entityRef' in query
          ? u.metadata.name === query.entityRef.name
          : u.spec?.profile &&
            (u.spec.profile as any).email ===
              query.filter['spec.profile.email'],
      );
      if (!found) throw new NotFoundError('no such user');
      return { entity: found };
    },
    async resolveOwnershipEntityRefs(entity: Entity) {
      return {
        ownershipEntityRefs: [
          stringifyEntityRef(entity),
          ...((entity.spec?.memberOf as string[]) ?? []).map(
            g => `group:default/${g}`,
          ),
        ],
      };
    },
    async issueToken(params: any) {
      return { token: JSON.stringify(params.claims) };
    },
    signInWithCatalogUser: jest.fn(),
  } as unknown as AuthResolverContext;
}

const signIn = (userinfo: Record<string, unknown>) =>
  ({
    result: { fullProfile: { userinfo, tokenset: {} }, session: {} },
    profile: {},
  } as any);

const resolver = createOidcSignInResolver({
  adminGroupRefs: ['group:default/platform'],
  groupClaimRefs: new Map([
    ['authentik Admins', 'group:default/platform'],
    ['kubernetes-namespace-owners', 'group:default/namespace-owners'],
  ]),
});

describe('the authentik sign-in resolver', () => {
  it('signs in the catalog user named by preferred_username, with catalog and mapped claim groups', async () => {
    const { token } = await resolver(
      signIn({
        preferred_username: 'alice',
        groups: ['authentik Admins', 'unmapped'],
      }),
      contextWith([user('alice')]),
    );
    expect(JSON.parse(token)).toEqual({
      sub: 'user:default/alice',
      ent: [
        'user:default/alice',
        'group:default/namespace-owners',
        'group:default/platform',
      ],
    });
  });

  it('falls back to a verified email, never an unverified one', async () => {
    const ctx = contextWith([user('bob', 'bob@example.org')]);
    const verified = await resolver(
      signIn({
        preferred_username: 'robert',
        email: 'bob@example.org',
        email_verified: true,
      }),
      ctx,
    );
    expect(JSON.parse(verified.token).sub).toBe('user:default/bob');
    await expect(
      resolver(
        signIn({
          preferred_username: 'robert',
          email: 'bob@example.org',
          email_verified: false,
        }),
        ctx,
      ),
    ).rejects.toThrow(/"robert" signed in to authentik but has no User/);
  });

  it('refuses an authentik account without a catalog user, saying what to do', async () => {
    await expect(
      resolver(
        signIn({ preferred_username: 'mallory', groups: ['authentik Admins'] }),
        contextWith([]),
      ),
    ).rejects.toThrow(
      `"mallory" signed in to authentik but has no User in the portal's catalog. Ask a portal admin to add "mallory" to the org file (org.yaml in the infra repo).`,
    );
  });
});
