import { buildForTest } from '../__testUtils__/build';
import {
  aCronJob,
  aDatabase,
  aHelmRelease,
  aModel,
  anAnubis,
  anIngress,
  aPdb,
  aPooler,
  aStack,
  aWorkload,
} from '../__testUtils__/model';
import { findDanglingReferences } from './relationCheck';

/** A model with one of everything, across two stacks that depend on each other. */
function estate() {
  const server = aWorkload('idp', {
    kind: 'helm',
    name: 'idp-server',
    helm: { release: 'idp', chart: 'idp', component: 'server' },
    inlinePdb: {
      minAvailable: 2,
      source: { file: 'stacks/idp/values.yaml', line: 3 },
    },
  });
  const bouncer = aWorkload('idp', { name: 'pgbouncer', role: 'pooler' });
  const bouncerPdb = aPdb('idp', { name: 'pgbouncer' });
  const guard = aWorkload('idp', { name: 'anubis' });
  const agent = aWorkload('idp', {
    name: 'log-agent',
    kind: 'daemon-set',
    replicas: undefined,
  });
  const ingress = anIngress('idp', { anubis: 'anubis', authTier: 'none' });
  const release = aHelmRelease('idp', {
    name: 'idp',
    workloadIds: [server.id],
  });
  const backup = aCronJob('db', { name: 'db-backup' });
  const cluster = aDatabase('db', { name: 'pg' });
  const idpDb = aDatabase('db', {
    role: 'database',
    name: 'idp',
    serverId: cluster.id,
  });
  const idp = aStack('idp', {
    workloads: [server, bouncer, guard, agent],
    poolers: [aPooler(bouncer)],
    pdbs: [bouncerPdb],
    anubis: [anAnubis('idp', { workloadId: guard.id })],
    ingresses: [ingress],
    helmReleases: [release],
    dependencies: [
      {
        name: 'db',
        configPath: '../db',
        stack: 'db',
        source: { file: 'stacks/idp/terragrunt.hcl', line: 1 },
      },
    ],
  });
  const db = aStack('db', { cronJobs: [backup], databases: [cluster, idpDb] });
  return aModel([idp, db], {
    pdbTargets: new Map([[bouncerPdb.id, [bouncer.id]]]),
    ingressTargets: new Map([[ingress.id, server.id]]),
    dependencies: [
      { fromId: server.id, toId: bouncer.id, toKind: 'pooler' },
      { fromId: bouncer.id, toId: idpDb.id, toKind: 'database' },
      { fromId: backup.id, toId: cluster.id, toKind: 'database' },
    ],
  });
}

describe('buildInfraEntities', () => {
  it('emits every kind, stack by stack, in a stable order', () => {
    const { names } = buildForTest(estate());
    expect(names()).toEqual([
      'System:idp',
      'Component:idp-server',
      'Resource:idp-pgbouncer',
      'Component:idp-anubis',
      'Component:idp-log-agent',
      'Resource:idp-pgbouncer-pdb',
      'Resource:idp-server-pdb',
      'Resource:idp-ingress',
      'Resource:idp',
      'System:db',
      'Component:db-backup',
      'Resource:db-pg',
      'Resource:db-pg-idp',
    ]);
    expect(buildForTest(estate()).names()).toEqual(names());
  });

  it('points every relation at an entity it emits', () => {
    const { entities, get } = buildForTest(estate(), {
      ownerOf: () => 'group:default/platform',
    });
    expect(
      findDanglingReferences(entities, ['group:default/platform']),
    ).toEqual([]);
    expect(get('System:idp').spec?.dependsOn).toEqual(['system:default/db']);
    expect(get('Component:idp-server').spec?.dependsOn).toEqual([
      'resource:default/idp-pgbouncer',
      'resource:default/idp',
    ]);
  });

  it('gives every entity the location, source, stack and details annotations', () => {
    const { entities } = buildForTest(estate());
    for (const e of entities) {
      expect(Object.keys(e.metadata.annotations ?? {})).toEqual(
        expect.arrayContaining([
          'backstage.io/managed-by-location',
          'backstage.io/managed-by-origin-location',
          'backstage.io/source-location',
          'infra.homelab/stack',
          'infra.homelab/details',
        ]),
      );
    }
  });
});
