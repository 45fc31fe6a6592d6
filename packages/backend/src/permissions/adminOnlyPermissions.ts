import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
  catalogIngestionManagePermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { templateManagementPermission } from '@backstage/plugin-scaffolder-common/alpha';
import { rolloutStatusQueryTextReadPermission } from '@internal/backstage-plugin-rollout-status-common';

/**
 * The portal's admin pages: the app's extension tree (visualizer) and the
 * API explorer. Nothing there is secret, but nothing is for a namespace
 * owner either; the app leaves them out unless this is allowed
 * (packages/app/src/modules/adminOnly asks for it by this name).
 */
export const portalAdminPagesPermission = createPermission({
  name: 'portal.admin-pages.view',
  attributes: { action: 'read' },
});

/**
 * What only the admins may do, by permission name, with why.
 * Catalog writes: a registered Location is a way to add entities (a User
 * claiming `memberOf: platform`, a Template that runs), so registering,
 * deleting, refreshing and analysing are admin actions; the catalog rules
 * (app-config.yaml) keep identities and templates to trusted files besides.
 */
export const ADMIN_ONLY_PERMISSIONS: ReadonlyArray<{
  permission: Permission;
  why: string;
}> = [
  { permission: catalogLocationCreatePermission, why: 'registers entities' },
  { permission: catalogLocationAnalyzePermission, why: 'the register flow' },
  { permission: catalogLocationDeletePermission, why: 'unregisters entities' },
  { permission: catalogEntityCreatePermission, why: 'adds entities' },
  {
    permission: catalogEntityDeletePermission,
    why: 'provider entities stay gone until the source changes',
  },
  { permission: catalogEntityRefreshPermission, why: 'catalog write' },
  { permission: catalogIngestionManagePermission, why: 'catalog write' },
  {
    permission: templateManagementPermission,
    why: 'the template editor runs arbitrary templates',
  },
  {
    permission: portalAdminPagesPermission,
    why: 'admin pages: the app tree, the API explorer',
  },
  {
    permission: rolloutStatusQueryTextReadPermission,
    why: 'a statement can carry data',
  },
];

export const ADMIN_ONLY_NAMES = new Set(
  ADMIN_ONLY_PERMISSIONS.map(p => p.permission.name),
);
