import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { rolloutStatusQueryTextReadPermission } from '@internal/backstage-plugin-rollout-status-common';

/** The cluster admins: the group the infra's org file puts them in. */
export const ADMIN_GROUP_REF = 'group:default/platform';

/**
 * Everything the portal shows is readable by every signed-in user, except
 * the SQL text of sessions that hold locks: a statement can carry data, so
 * only the admins see it (the rollout-status card shows pid, age and
 * application to everyone).
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, rolloutStatusQueryTextReadPermission)
    ) {
      if (!user) return { result: AuthorizeResult.DENY };
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      return {
        result: ownershipEntityRefs.includes(ADMIN_GROUP_REF)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
