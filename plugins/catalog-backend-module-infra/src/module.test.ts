import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  INFRA_ANNOTATIONS,
  parseInfraDetails,
} from '@internal/backstage-plugin-infra-common';
import request from 'supertest';
import { copyExampleRepo } from './__testUtils__/tempRepo';
import { catalogModuleInfra } from './module';

jest.setTimeout(60_000);

describe('catalogModuleInfra through a real catalog backend', () => {
  const repo = copyExampleRepo();
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleInfra,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                infra: {
                  source: {
                    path: repo.dir,
                    webUrl:
                      'https://forge.homelab.example/infra/src/branch/main',
                  },
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

  async function entity(ref: string): Promise<Entity> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
        .set('Authorization', mockCredentials.user.header());
      // Wait until processing has stitched the relations in.
      if (res.status === 200 && res.body.relations?.length) return res.body;
      if (Date.now() > deadline)
        throw new Error(
          `${ref} not in the catalog (last status ${res.status})`,
        );
      await new Promise(r => setTimeout(r, 250));
    }
  }
  const targets = (e: Entity, type: string) =>
    (e.relations ?? [])
      .filter(r => r.type === type)
      .map(r => r.targetRef)
      .sort();

  it('shows authentik server and worker -> PgBouncer -> database in the graph', async () => {
    for (const name of ['authentik-server', 'authentik-worker']) {
      const c = await entity(`component:default/${name}`);
      expect(targets(c, 'dependsOn')).toContain(
        'resource:default/authentik-pgbouncer',
      );
      expect(targets(c, 'partOf')).toEqual(['system:default/authentik']);
      expect(targets(c, 'ownedBy')).toEqual(['group:default/platform']);
    }
    const pooler = await entity('resource:default/authentik-pgbouncer');
    expect(pooler.spec?.type).toBe('connection-pooler');
    expect(targets(pooler, 'dependencyOf')).toEqual(
      expect.arrayContaining([
        'component:default/authentik-server',
        'component:default/authentik-worker',
      ]),
    );
    // Its database, and its PDB (the PDB is a dependencyOf the workloads it selects).
    expect(targets(pooler, 'dependsOn')).toEqual([
      'resource:default/authentik-pgbouncer-pdb',
      'resource:default/dbaas-pg-cluster-authentik',
    ]);
    const db = await entity('resource:default/dbaas-pg-cluster-authentik');
    expect(db.spec?.type).toBe('database');
    expect(targets(db, 'dependsOn')).toEqual([
      'resource:default/dbaas-pg-cluster',
    ]);
    expect(targets(db, 'partOf')).toEqual(['system:default/dbaas']);
  });

  it('writes the annotations the Kubernetes plugin and the infra card read', async () => {
    const authentikServer = await entity('component:default/authentik-server');
    const a = authentikServer.metadata.annotations!;
    expect(a['backstage.io/kubernetes-label-selector']).toBe(
      'app.kubernetes.io/instance=goauthentik,app.kubernetes.io/component=server',
    );
    expect(a['backstage.io/kubernetes-namespace']).toBe('authentik');
    expect(a['backstage.io/source-location']).toBe(
      'url:https://forge.homelab.example/infra/src/branch/main/stacks/authentik/modules/authentik/main.tf#L3',
    );
    expect(a['backstage.io/edit-url']).toMatch(/main\.tf#L3$/);
    expect(a[INFRA_ANNOTATIONS.replicas]).toBe('3');
    expect(a[INFRA_ANNOTATIONS.criticalPath]).toBe('true');
    expect(a[INFRA_ANNOTATIONS.authTier]).toBe('none');
    expect(a[INFRA_ANNOTATIONS.host]).toBe('authentik.homelab.example');
    const details = parseInfraDetails(a[INFRA_ANNOTATIONS.details]);
    expect(details).toMatchObject({
      kind: 'service',
      workload: 'helm',
      replicas: 3,
      memoryRequest: '2Gi',
      memoryLimit: '2Gi',
      pdb: { ref: 'resource:default/authentik-server-pdb', minAvailable: 2 },
      poolers: [{ ref: 'resource:default/authentik-pgbouncer' }],
      source: { file: 'stacks/authentik/modules/authentik/main.tf', line: 3 },
    });

    const pooler = await entity('resource:default/authentik-pgbouncer');
    expect(
      parseInfraDetails(
        pooler.metadata.annotations![INFRA_ANNOTATIONS.details],
      ),
    ).toMatchObject({
      kind: 'connection-pooler',
      settings: {
        pool_mode: 'session',
        default_pool_size: 20,
        reserve_pool_size: 5,
        max_client_conn: 500,
        idle_transaction_timeout: 300,
      },
      databases: [
        {
          name: 'authentik',
          target: { ref: 'resource:default/dbaas-pg-cluster-authentik' },
        },
      ],
      pdb: { ref: 'resource:default/authentik-pgbouncer-pdb', minAvailable: 2 },
    });
    const pdb = await entity('resource:default/authentik-pgbouncer-pdb');
    expect(targets(pdb, 'dependencyOf')).toEqual([
      'resource:default/authentik-pgbouncer',
    ]);
  });

  it('emits ingresses with their tier, and findings on the entity they are about', async () => {
    const ingress = await entity('resource:default/prowlarr-ingress');
    expect(ingress.metadata.annotations![INFRA_ANNOTATIONS.authTier]).toBe(
      'required',
    );
    expect(targets(ingress, 'dependsOn')).toEqual([
      'component:default/prowlarr',
    ]);
    const blog = await entity('resource:default/blog-ingress');
    expect(blog.metadata.annotations![INFRA_ANNOTATIONS.anubis]).toBe('true');

    const notes = await entity('component:default/playground-notes');
    const findings = JSON.parse(
      notes.metadata.annotations![INFRA_ANNOTATIONS.findings],
    );
    expect(findings.map((f: any) => f.rule).sort()).toEqual([
      'kyverno-lifecycle',
      'memory-request-equals-limit',
      'no-cpu-limit',
      'rwo-recreate-strategy',
    ]);
    const notesIngress = await entity('resource:default/playground-ingress');
    expect(
      JSON.parse(
        notesIngress.metadata.annotations![INFRA_ANNOTATIONS.findings],
      ),
    ).toEqual([
      expect.objectContaining({
        rule: 'auth-justification',
        file: 'stacks/playground/main.tf',
        line: 104,
      }),
    ]);
    // Owners come from the org file, and its groups and users are in the catalog.
    const linkwarden = await entity('system:default/linkwarden');
    expect(targets(linkwarden, 'ownedBy')).toEqual(['user:default/guest']);
    const guest = await entity('user:default/guest');
    expect(targets(guest, 'memberOf')).toEqual([
      'group:default/namespace-owners',
    ]);
  });
});
