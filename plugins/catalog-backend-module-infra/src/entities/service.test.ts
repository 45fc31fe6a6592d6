import {
  INFRA_ANNOTATIONS,
  ServiceDetails,
} from '@internal/backstage-plugin-infra-common';
import { Unresolved } from '@internal/backstage-plugin-infra-node';
import { buildForTest } from '../__testUtils__/build';
import {
  aContainer,
  aDatabase,
  aHelmRelease,
  aModel,
  anAnubis,
  anIngress,
  aPooler,
  aStack,
  aWorkload,
} from '../__testUtils__/model';

describe('service entities', () => {
  it('types Components by workload kind; DaemonSets and Jobs have no replica count', () => {
    const web = aWorkload('node', { name: 'web', replicas: 2 });
    const agent = aWorkload('node', {
      name: 'agent',
      kind: 'daemon-set',
      replicas: undefined,
    });
    const init = aWorkload('node', {
      name: 'db-init',
      kind: 'job',
      replicas: undefined,
    });
    const { get, details } = buildForTest(
      aModel([aStack('node', { workloads: [web, agent, init] })]),
    );
    expect(get('Component:node-web').spec?.type).toBe('service');
    expect(get('Component:node-agent').spec?.type).toBe('daemon-set');
    expect(get('Component:node-db-init').spec?.type).toBe('job');
    expect(details('Component:node-agent')).toMatchObject({
      kind: 'daemon-set',
      workload: 'daemon-set',
    });
    expect(details('Component:node-agent')).not.toHaveProperty('replicas');
    expect(
      get('Component:node-agent').metadata.annotations?.[
        INFRA_ANNOTATIONS.replicas
      ],
    ).toBeUndefined();
    expect(
      get('Component:node-web').metadata.annotations?.[
        INFRA_ANNOTATIONS.replicas
      ],
    ).toBe('2');
    expect(get('Component:node-agent').metadata.description).toBe(
      'DaemonSet agent in stack node.',
    );
  });

  it('calls a live-managed field a seed and names its manager', () => {
    const w = aWorkload('app', {
      replicas: 1,
      containers: [aContainer({ image: 'registry.example/app:1.0' })],
      liveManaged: [
        {
          field: 'image',
          manager: 'Keel',
          evidence: 'KEEL_IGNORE_IMAGE',
          at: { file: 'stacks/app/main.tf', line: 40 },
        },
        {
          field: 'replicas',
          manager: 'an autoscaler',
          evidence: 'spec[0].replicas',
        },
      ],
    });
    const { get, details } = buildForTest(
      aModel([aStack('app', { workloads: [w] })]),
    );
    const e = get('Component:app');
    expect(e.metadata.description).toBe(
      'Deployment app in stack app.' +
        ' Image: declared registry.example/app:1.0, a seed; managed live by Keel.' +
        ' Replicas: declared 1, a seed; managed live by an autoscaler.',
    );
    expect((details('Component:app') as ServiceDetails).liveManaged).toEqual([
      {
        field: 'image',
        manager: 'Keel',
        evidence: 'KEEL_IGNORE_IMAGE',
        source: expect.objectContaining({
          file: 'stacks/app/main.tf',
          line: 40,
        }),
      },
      {
        field: 'replicas',
        manager: 'an autoscaler',
        evidence: 'spec[0].replicas',
      },
    ]);
  });

  it('says when the number of instances is unknown', () => {
    const w = aWorkload('fleet', {
      name: 'worker',
      instance: {
        address: 'module.worker.kubernetes_deployment.this',
        modulePath: 'module.worker',
        countUnknown: 'var.workers',
      },
    });
    const { get, details } = buildForTest(
      aModel([aStack('fleet', { workloads: [w] })]),
    );
    expect(get('Component:fleet-worker').metadata.description).toBe(
      'Deployment worker in stack fleet. Instance count unknown: var.workers.',
    );
    expect(details('Component:fleet-worker')).toMatchObject({
      instance: { countUnknown: 'var.workers' },
    });
  });

  it('depends on its pooler, its database and the Helm release that deploys it', () => {
    const server = aWorkload('idp', {
      kind: 'helm',
      name: 'idp-server',
      helm: { release: 'idp', chart: 'idp', component: 'server' },
    });
    const bouncer = aWorkload('idp', { name: 'pgbouncer', role: 'pooler' });
    const release = aHelmRelease('idp', {
      name: 'idp',
      workloadIds: [server.id],
    });
    const db = aDatabase('idp', { name: 'pg' });
    const model = aModel(
      [
        aStack('idp', {
          workloads: [server, bouncer],
          poolers: [aPooler(bouncer)],
          helmReleases: [release],
          databases: [db],
        }),
      ],
      {
        dependencies: [
          { fromId: server.id, toId: bouncer.id, toKind: 'pooler' },
          { fromId: server.id, toId: db.id, toKind: 'database' },
        ],
      },
    );
    const { get, details } = buildForTest(model);
    expect(get('Component:idp-server').spec?.dependsOn).toEqual([
      'resource:default/idp-pgbouncer',
      'resource:default/idp-pg',
      'resource:default/idp',
    ]);
    expect(details('Component:idp-server')).toMatchObject({
      poolers: [{ ref: 'resource:default/idp-pgbouncer' }],
      databases: [{ ref: 'resource:default/idp-pg' }],
      helm: { releaseEntity: { ref: 'resource:default/idp' } },
    });
  });

  it('carries the exposure of its primary ingress and the homepage description', () => {
    const w = aWorkload('wiki');
    const root = anIngress('wiki', {
      authTier: 'app',
      justification: 'the wiki has its own login',
      title: 'Wiki',
      description: 'Team knowledge base',
    });
    const api = anIngress('wiki', {
      moduleName: 'ingress_api',
      paths: ['/api'],
      authTier: 'none',
    });
    const model = aModel(
      [aStack('wiki', { workloads: [w], ingresses: [api, root] })],
      {
        ingressTargets: new Map([
          [api.id, w.id],
          [root.id, w.id],
        ]),
      },
    );
    const { get, details } = buildForTest(model);
    const e = get('Component:wiki');
    expect(e.metadata.annotations?.[INFRA_ANNOTATIONS.authTier]).toBe('app');
    expect(e.metadata.annotations?.[INFRA_ANNOTATIONS.host]).toBe(
      'wiki.homelab.example',
    );
    expect(e.metadata.tags).toEqual(['auth-app']);
    expect(e.metadata.description).toBe(
      'Wiki: Team knowledge base. Deployment wiki in stack wiki.',
    );
    expect((details('Component:wiki') as ServiceDetails).ingresses).toEqual([
      expect.objectContaining({
        ref: 'resource:default/wiki-ingress-api',
        paths: ['/api'],
      }),
      expect.objectContaining({
        ref: 'resource:default/wiki-ingress',
        authTier: 'app',
      }),
    ]);
  });

  it('writes an unresolved host and tier as unresolved, never as missing', () => {
    const w = aWorkload('x');
    const i = anIngress('x', {
      host: new Unresolved('var.host', 'encrypted'),
      authTier: new Unresolved('var.auth'),
    });
    const model = aModel([aStack('x', { workloads: [w], ingresses: [i] })], {
      ingressTargets: new Map([[i.id, w.id]]),
    });
    const a = buildForTest(model).get('Component:x').metadata.annotations!;
    expect(a[INFRA_ANNOTATIONS.host]).toBe('unresolved: var.host');
    expect(a[INFRA_ANNOTATIONS.authTier]).toBe('unresolved: var.auth');
  });

  it('lists the ingresses an Anubis Deployment guards', () => {
    const anubisDeployment = aWorkload('blog', { name: 'anubis' });
    const app = aWorkload('blog', { name: 'blog' });
    const anubis = anAnubis('blog', { workloadId: anubisDeployment.id });
    const i = anIngress('blog', { anubis: 'anubis' });
    const model = aModel(
      [
        aStack('blog', {
          workloads: [anubisDeployment, app],
          anubis: [anubis],
          ingresses: [i],
        }),
      ],
      { ingressTargets: new Map([[i.id, app.id]]) },
    );
    expect(buildForTest(model).details('Component:blog-anubis')).toMatchObject({
      anubisFor: [{ ref: 'resource:default/blog-ingress' }],
    });
  });
});
