import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/** Who is who in the policy tests, as a sign-in resolver puts it in `ent`. */
export const TEST_OWNERSHIP: Record<string, string[]> = {
  'user:default/admin': ['user:default/admin', 'group:default/platform'],
  'user:default/guest': [
    'user:default/guest',
    'group:default/namespace-owners',
  ],
  // Claims platform membership only through an entity it registered; the
  // catalog rules keep that entity out, so its token never says so.
  'user:default/mallory': ['user:default/mallory'],
};

/** The user-info service answering from {@link TEST_OWNERSHIP}. */
export const userInfoFromTable = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const { userEntityRef } = (
        credentials as BackstageCredentials<BackstageUserPrincipal>
      ).principal;
      return {
        userEntityRef,
        ownershipEntityRefs: TEST_OWNERSHIP[userEntityRef] ?? [userEntityRef],
      };
    },
  }),
});

/**
 * The mock auth service, except that a plugin calling another on a user's
 * behalf sends a token naming itself as the actor, as the real auth
 * service's plugin tokens do (their `obo` claim). The permission backend
 * answers resource permissions without a resourceRef (the scaffolder's
 * conditional checks at task creation) only to such calls.
 */
export const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return Object.assign(Object.create(inner), {
      async getPluginRequestToken(options: {
        onBehalfOf: BackstageCredentials;
        targetPluginId: string;
      }) {
        const { principal } =
          options.onBehalfOf as BackstageCredentials<BackstageUserPrincipal>;
        if (principal.type !== 'user')
          return inner.getPluginRequestToken(options);
        return {
          token: mockCredentials.user.token(principal.userEntityRef, {
            actor: { subject: `plugin:${plugin.getId()}` },
          }),
        };
      },
    });
  },
});
