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
import {
  createInfraNamespaceConditionalDecision,
  infraNamespaceConditions,
  infraNamespaceScaffoldPermission,
} from '@internal/backstage-plugin-scaffolder-backend-module-infra';
import { isAdmin, PortalAuthConfig } from '../auth/portalAuthConfig';
import { ADMIN_ONLY_NAMES } from './adminOnlyPermissions';

/**
 * Who may do what in the portal:
 * - without a signed-in user, nothing;
 * - admins (auth.portal.adminGroups): everything;
 * - everyone else: read and run templates, but no catalog writes, no lock
 *   holders' SQL text (ADMIN_ONLY_PERMISSIONS), and generate Terraform
 *   only into namespaces they own (decided by the scaffolder's
 *   IS_NAMESPACE_OWNER rule against the user's ownership refs).
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly auth: Pick<PortalAuthConfig, 'adminGroupRefs'>,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) return { result: AuthorizeResult.DENY };
    const claims = user.info.ownershipEntityRefs;
    if (isAdmin(claims, this.auth)) return { result: AuthorizeResult.ALLOW };

    if (ADMIN_ONLY_NAMES.has(request.permission.name)) {
      return { result: AuthorizeResult.DENY };
    }
    if (isPermission(request.permission, infraNamespaceScaffoldPermission)) {
      return createInfraNamespaceConditionalDecision(
        request.permission,
        infraNamespaceConditions.isNamespaceOwner({ claims }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
