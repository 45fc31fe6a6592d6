import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  INFRA_DOCS_ANNOTATIONS,
  parseDocsAbout,
  parseDocsCounterparts,
} from '@internal/backstage-plugin-infra-common';
import request from 'supertest';
import { copyExampleRepo } from '../__testUtils__/tempRepo';
import { catalogModuleInfra } from '../module';

jest.setTimeout(60_000);

/**
 * The example repo's docs folder through the real catalog: the docs entity,
 * and "docs about this" on the Systems and services the pages name, read
 * back through the catalog API.
 */
describe('infra docs links through a real catalog backend', () => {
  const repo = copyExampleRepo();
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;
  let scheduler: SchedulerService | undefined;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleInfra,
        createBackendModule({
          pluginId: 'catalog',
          moduleId: 'docs-test-scheduler',
          register(env) {
            env.registerInit({
              deps: { s: coreServices.scheduler },
              async init({ s }) {
                scheduler = s;
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                infra: {
                  source: { path: repo.dir },
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    repo.cleanup();
  });

  async function entity(
    ref: string,
    accept: (e: Entity) => boolean = () => true,
  ): Promise<Entity> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
        .set('Authorization', mockCredentials.user.header());
      if (res.status === 200 && accept(res.body)) return res.body;
      if (Date.now() > deadline)
        throw new Error(
          `${ref} not in the catalog as expected (last status ${res.status})`,
        );
      await new Promise(r => setTimeout(r, 250));
    }
  }
  const aboutOf = (e: Entity) =>
    parseDocsAbout(e.metadata.annotations?.[INFRA_DOCS_ANNOTATIONS.about]);

  it('emits the docs entity whose TechDocs site is the docs folder, with a generated configuration', async () => {
    const docs = await entity('component:default/infra-docs');
    expect(docs.spec).toMatchObject({ type: 'documentation' });
    expect(docs.metadata.annotations).toMatchObject({
      'backstage.io/techdocs-ref': `url:file://${repo.dir}/docs`,
      [INFRA_DOCS_ANNOTATIONS.site]: 'generated',
    });
    // Owned by an entity the catalog has (the relation resolves).
    expect(docs.relations?.map(r => r.type)).toContain('ownedBy');
  });

  it('links the authentik stack to the pages that name it, post-mortems first by date, with the match', async () => {
    const system = await entity('system:default/authentik', e => !!aboutOf(e));
    const about = aboutOf(system)!;
    expect(about.docsEntityRef).toBe('component:default/infra-docs');
    expect(about.pages.slice(0, 2).map(p => [p.kind, p.date, p.title])).toEqual(
      [
        [
          'post-mortem',
          '2026-04-18',
          '2026-04-18: authentik upgrade stuck behind a PostgreSQL advisory lock',
        ],
        [
          'post-mortem',
          '2026-03-02',
          "2026-03-02: Logins failed while the authentik outpost's shared memory was full",
        ],
      ],
    );
    expect(about.pages.map(p => p.file)).toContain('docs/architecture/sso.md');
    expect(about.pages.map(p => p.file)).not.toContain(
      'docs/runbooks/restore-postgresql.md',
    );
    const sso = about.pages.find(p => p.file === 'docs/architecture/sso.md')!;
    expect(sso.sitePath).toBe('architecture/sso/');
    expect(sso.matches).toContainEqual(
      expect.objectContaining({
        term: 'authentik.homelab.example',
        termKind: 'hostname',
        field: 'body',
      }),
    );
  });

  it('links the dbaas stack to the restore runbook and the databases page', async () => {
    const about = aboutOf(
      await entity('system:default/dbaas', e => !!aboutOf(e)),
    )!;
    expect(about.pages.map(p => p.file)).toEqual(
      expect.arrayContaining([
        'docs/runbooks/restore-postgresql.md',
        'docs/architecture/databases.md',
      ]),
    );
  });

  it("gives a finding's portal runbook its counterpart in the infra docs", async () => {
    // cloudflared is on the critical path with two replicas and no PDB, on purpose.
    const cloudflared = await entity('component:default/cloudflared');
    const counterparts = parseDocsCounterparts(
      cloudflared.metadata.annotations?.[INFRA_DOCS_ANNOTATIONS.counterparts],
    );
    expect(
      counterparts?.runbooks['runbooks/critical-path#three-replicas'],
    ).toEqual({
      file: 'docs/runbooks/critical-path.md',
      title: 'Critical-path services: Three replicas',
      sitePath: 'runbooks/critical-path/',
      anchor: 'three-replicas',
      reason: 'same section name',
    });
    expect(
      counterparts?.runbooks['runbooks/critical-path#pdb-min-available'],
    ).toMatchObject({
      file: 'docs/runbooks/critical-path.md',
      reason: 'same page name',
    });
  });

  it('shows a docs change after the next refresh, even when no stack changed', async () => {
    expect(aboutOf(await entity('system:default/echo'))).toBeUndefined();
    repo.write(
      'docs/post-mortems/2026-05-01-echo-timeouts.md',
      '# 2026-05-01: echo timed out\n\nThe echo service answered nothing for ten minutes.\n',
    );
    await scheduler!.triggerTask('infra:refresh');
    const about = aboutOf(
      await entity('system:default/echo', e => !!aboutOf(e)),
    )!;
    expect(about.pages.map(p => p.title)).toEqual([
      '2026-05-01: echo timed out',
    ]);
    expect(about.pages[0].matches[0]).toMatchObject({
      term: 'echo',
      field: 'heading',
      line: 1,
    });
  });
});
