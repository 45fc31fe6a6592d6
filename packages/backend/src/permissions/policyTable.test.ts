import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { Permission } from '@backstage/plugin-permission-common';
import {
  taskCreatePermission,
  templateManagementPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { rolloutStatusQueryTextReadPermission } from '@internal/backstage-plugin-rollout-status-common';
import permissionBackend from '@backstage/plugin-permission-backend';
import request from 'supertest';
import portalPolicyModule from './module';
import { userInfoFromTable } from '../__testUtils__/testIdentities';
import { portalAdminPagesPermission } from './adminOnlyPermissions';

async function startPermissionBackend() {
  const { server } = await startTestBackend({
    features: [
      permissionBackend,
      portalPolicyModule,
      userInfoFromTable,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          auth: { portal: { adminGroups: ['group:default/platform'] } },
        },
      }),
    ],
  });
  return server;
}

type Decision = { result: string; conditions?: unknown };

async function decide(
  server: Awaited<ReturnType<typeof startPermissionBackend>>,
  user: string | undefined,
  permission: Permission,
): Promise<Decision> {
  const req = request(server).post('/api/permission/authorize');
  if (user) req.set('authorization', mockCredentials.user.header(user));
  else req.set('authorization', mockCredentials.none.header());
  // Resource permissions are asked about one resource; the policy decides
  // these outright, so the catalog is never consulted.
  const resourceRef =
    permission.type === 'resource' ? 'component:default/blog' : undefined;
  const res = await req.send({ items: [{ id: '1', permission, resourceRef }] });
  if (res.status !== 200)
    return { result: `HTTP ${res.status} ${JSON.stringify(res.body)}` };
  return res.body.items[0];
}

describe('the portal permission policy, through the permission backend', () => {
  let server: Awaited<ReturnType<typeof startPermissionBackend>>;
  beforeAll(async () => {
    server = await startPermissionBackend();
  });

  const admin = 'user:default/admin';
  const owner = 'user:default/guest';
  const mallory = 'user:default/mallory';

  it.each([
    // [what, permission, admin, namespace owner, other user]
    [
      'read the catalog',
      catalogEntityReadPermission,
      'ALLOW',
      'ALLOW',
      'ALLOW',
    ],
    [
      'register a location',
      catalogLocationCreatePermission,
      'ALLOW',
      'DENY',
      'DENY',
    ],
    [
      'unregister a location',
      catalogLocationDeletePermission,
      'ALLOW',
      'DENY',
      'DENY',
    ],
    [
      'delete an entity',
      catalogEntityDeletePermission,
      'ALLOW',
      'DENY',
      'DENY',
    ],
    [
      'refresh an entity',
      catalogEntityRefreshPermission,
      'ALLOW',
      'DENY',
      'DENY',
    ],
    [
      'open the template editor',
      templateManagementPermission,
      'ALLOW',
      'DENY',
      'DENY',
    ],
    [
      'be offered the admin pages (visualizer, API explorer)',
      portalAdminPagesPermission,
      'ALLOW',
      'DENY',
      'DENY',
    ],
    [
      'see lock holders’ SQL text',
      rolloutStatusQueryTextReadPermission,
      'ALLOW',
      'DENY',
      'DENY',
    ],
    ['start a template', taskCreatePermission, 'ALLOW', 'ALLOW', 'ALLOW'],
  ] as const)('%s', async (_what, permission, forAdmin, forOwner, forOther) => {
    expect({
      admin: (await decide(server, admin, permission)).result,
      owner: (await decide(server, owner, permission)).result,
      other: (await decide(server, mallory, permission)).result,
    }).toEqual({ admin: forAdmin, owner: forOwner, other: forOther });
  });

  it('gives nothing to a request without a signed-in user', async () => {
    const decision = await decide(
      server,
      undefined,
      catalogEntityReadPermission,
    );
    expect(decision.result).not.toBe('ALLOW');
  });
});
