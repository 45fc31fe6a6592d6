import { catalogLocationCreatePermission } from '@backstage/plugin-catalog-common/alpha';

/**
 * Names of the permissions behind the pages only admins are offered. The
 * backend's policy (packages/backend/src/permissions/adminOnlyPermissions.ts)
 * denies each to everyone but the admins; the app asks for them by name.
 */
export const ADMIN_ONLY_PAGE_PERMISSIONS = {
  /** Registering locations adds entities. */
  register: catalogLocationCreatePermission.name,
  /**
   * The template editor runs arbitrary templates: the scaffolder's own
   * `templateManagementPermission` (@backstage/plugin-scaffolder-common).
   */
  templateEditor: 'scaffolder.template.management',
  /**
   * The portal's own admin pages (the app's extension tree, the API
   * explorer of a catalog that holds no APIs): `portalAdminPagesPermission`.
   */
  adminPages: 'portal.admin-pages.view',
} as const;
