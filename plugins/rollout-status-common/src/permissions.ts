import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the SQL text of a session that holds a lock can reveal data, so it
 * is shown only to users this permission allows.
 */
export const rolloutStatusQueryTextReadPermission = createPermission({
  name: 'rollout-status.query-text.read',
  attributes: { action: 'read' },
});

export const rolloutStatusPermissions = [rolloutStatusQueryTextReadPermission];
