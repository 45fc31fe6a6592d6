import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { rolloutStatusQueryTextReadPermission } from '@internal/backstage-plugin-rollout-status-common';
import {
  ADMIN_GROUP_REF,
  PortalPermissionPolicy,
} from './PortalPermissionPolicy';

function policyFor(ownershipEntityRefs: string[]) {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async () => ({
      userEntityRef: 'user:default/someone',
      ownershipEntityRefs,
    }),
  });
  return new PortalPermissionPolicy(userInfo);
}

const asUser = {
  credentials: mockCredentials.user('user:default/someone'),
  info: { userEntityRef: 'user:default/someone', ownershipEntityRefs: [] },
};

describe('PortalPermissionPolicy', () => {
  it('shows lock holders’ query text to the admins', async () => {
    const decision = await policyFor([
      'user:default/someone',
      ADMIN_GROUP_REF,
    ]).handle({ permission: rolloutStatusQueryTextReadPermission }, asUser);
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('hides it from everyone else, and from requests without a user', async () => {
    const policy = policyFor([
      'user:default/someone',
      'group:default/namespace-owners',
    ]);
    expect(
      (
        await policy.handle(
          { permission: rolloutStatusQueryTextReadPermission },
          asUser,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (
        await policy.handle({
          permission: rolloutStatusQueryTextReadPermission,
        })
      ).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('allows everything else', async () => {
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(
      (await policyFor([]).handle({ permission: other }, asUser)).result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
