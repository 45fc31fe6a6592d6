import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { targetPaths } from '@backstage/cli-common';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import infraScaffolderModule from '@internal/backstage-plugin-scaffolder-backend-module-infra';
import { parse } from 'yaml';
import portalPolicyModule from './module';
import {
  authWithActors,
  userInfoFromTable,
} from '../__testUtils__/testIdentities';

jest.setTimeout(120_000);

const repoRoot = targetPaths.rootDir;

// What the infra provider puts in the catalog: stacks (Systems) with the
// namespaces they declare and their owner, and the org file's claims.
const system = (
  stack: string,
  owner: string,
  namespaces: string[],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: stack,
    namespace: 'default',
    annotations: {
      'infra.homelab/stack': stack,
      'infra.homelab/details': JSON.stringify({
        kind: 'system',
        stack,
        source: { file: `stacks/${stack}`, line: 1 },
        files: [],
        namespaces,
        hasParseErrors: false,
        skippedFiles: [],
        dependencies: [],
      }),
    },
  },
  spec: { owner },
});
const orgGroup = (name: string, stacks: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'infra.homelab/stacks': stacks },
  },
  spec: { type: 'team', children: [] },
});

const NEW_APP = {
  name: 'wiki',
  owner: 'group:default/namespace-owners',
  description: 'Team wiki',
  image: 'ghcr.io/acme/wiki:1.4.2',
  containerPort: 3000,
  replicas: 1,
  memory: '256Mi',
  cpu: '50m',
  subdomain: 'wiki',
  dnsType: 'proxied',
  authTier: { tier: 'app', justification: 'the wiki has its own login' },
  persistentVolume: false,
  sensitiveData: false,
  database: false,
  secrets: [],
};

async function newAppTemplate(): Promise<Entity> {
  const t = parse(
    await readFile(
      resolve(repoRoot, 'templates/new-app/template.yaml'),
      'utf8',
    ),
  ) as Entity;
  return { ...t, metadata: { ...t.metadata, namespace: 'default' } };
}

describe('scaffolding into a namespace, decided by the portal policy', () => {
  let baseUrl: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        infraScaffolderModule,
        permissionBackend,
        portalPolicyModule,
        // The real permissions client: the scaffolder asks the permission
        // backend over HTTP, which asks the scaffolder to apply the condition.
        permissionsServiceFactory,
        authWithActors,
        userInfoFromTable,
        catalogServiceMock.factory({
          entities: [
            await newAppTemplate(),
            system('paperless', 'group:default/platform', ['paperless']),
            system('blog', 'user:default/guest', ['blog']),
            orgGroup('namespace-owners', '*'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            auth: { portal: { adminGroups: ['group:default/platform'] } },
            scaffolder: {
              infra: {
                publisher: 'forgejo',
                repo: { localPath: resolve(repoRoot, 'examples/infra') },
                forgejo: {
                  owner: 'homelab',
                  repo: 'infra',
                  baseBranch: 'main',
                },
              },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
    stop = () => backend.stop();
  });
  afterAll(() => stop?.());

  async function run(user: string, namespace: string) {
    const headers = {
      'content-type': 'application/json',
      authorization: mockCredentials.user.header(user),
    };
    const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        templateRef: 'template:default/infra-new-app',
        values: {
          ...NEW_APP,
          name: namespace,
          subdomain: namespace,
          namespace,
        },
      }),
    });
    if (created.status !== 201) {
      throw new Error(
        `task creation: ${created.status} ${await created.text()}`,
      );
    }
    const { id } = await created.json();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const task = await (
        await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}`, { headers })
      ).json();
      if (['completed', 'failed', 'cancelled'].includes(task.status)) {
        const events: Array<{
          body: { message?: string; stepId?: string; status?: string };
        }> = await (
          await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}/events`, {
            headers,
          })
        ).json();
        return {
          status: task.status as string,
          log: events.map(e => e.body.message ?? '').join('\n'),
          steps: events
            .filter(e => e.body.stepId)
            .map(e => `${e.body.stepId}:${e.body.status ?? ''}`),
        };
      }
      if (Date.now() > deadline)
        throw new Error(`task ${id} still ${task.status}`);
      await new Promise(r => setTimeout(r, 200));
    }
  }

  it("refuses a namespace owner's task into a platform-owned namespace at the first step, naming it and why", async () => {
    const task = await run('user:default/guest', 'paperless');
    expect(task.status).toBe('failed');
    expect(task.log).toContain(
      'Refused: you may not generate into namespace "paperless". It belongs to group:default/platform (declared by stack paperless)',
    );
    // Nothing after the check ran: no file rendered, no branch pushed.
    expect(task.log).not.toMatch(/Wrote \d+ files/);
    expect(task.steps).toContain('validate:failed');
    expect(task.steps).toContain('render:skipped');
    expect(task.steps).not.toContain('render:processing');
  });

  it('refuses someone who owns nothing a new namespace, and gives it to a namespace owner', async () => {
    const other = await run('user:default/mallory', 'newthing');
    expect(other.status).toBe('failed');
    expect(other.log).toContain(
      `Refused: you may not generate into namespace "newthing". It belongs to group:default/namespace-owners (a new namespace; the org file's "*" owner is group:default/namespace-owners)`,
    );
    const owner = await run('user:default/guest', 'newthing');
    expect(owner.log).toContain('Input for new-app passed every rule');
  });

  it('lets owners into their own namespace and admins into platform ones', async () => {
    expect((await run('user:default/guest', 'blog')).log).toContain(
      'Input for new-app passed every rule',
    );
    expect((await run('user:default/admin', 'paperless')).log).toContain(
      'Input for new-app passed every rule',
    );
  });
});
