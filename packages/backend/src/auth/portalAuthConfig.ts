import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Who the portal treats as an admin, and how authentik's group names map to
 * catalog groups. Read once from `auth.portal` (config.d.ts documents it).
 */
export interface PortalAuthConfig {
  /** Group refs whose members are admins (catalog writes, SQL text, platform namespaces). */
  adminGroupRefs: string[];
  /** authentik group name (the OIDC `groups` claim) -> catalog group ref. */
  groupClaimRefs: Map<string, string>;
}

/** The org file's admin group; what the portal assumed before this was configurable. */
export const DEFAULT_ADMIN_GROUP_REF = 'group:default/platform';

function toGroupRef(value: string, key: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `${key}: "${value}" is not a group reference; write it as group:<namespace>/<name>, e.g. group:default/platform`,
    );
  }
}

export function readPortalAuthConfig(config: Config): PortalAuthConfig {
  const admins = config.getOptionalStringArray('auth.portal.adminGroups') ?? [
    DEFAULT_ADMIN_GROUP_REF,
  ];
  // A list, not a map: authentik group names may hold spaces, which config
  // keys may not.
  const groupClaimRefs = new Map<string, string>();
  (config.getOptionalConfigArray('auth.portal.oidcGroups') ?? []).forEach(
    (entry, i) => {
      groupClaimRefs.set(
        entry.getString('claim'),
        toGroupRef(
          entry.getString('group'),
          `auth.portal.oidcGroups[${i}].group`,
        ),
      );
    },
  );
  return {
    adminGroupRefs: admins.map((a, i) =>
      toGroupRef(a, `auth.portal.adminGroups[${i}]`),
    ),
    groupClaimRefs,
  };
}

export function isAdmin(
  ownershipEntityRefs: string[],
  auth: Pick<PortalAuthConfig, 'adminGroupRefs'>,
): boolean {
  return ownershipEntityRefs.some(ref => auth.adminGroupRefs.includes(ref));
}
