import { buildForTest } from '../__testUtils__/build';
import {
  aDatabase,
  aModel,
  aPooler,
  aStack,
  aWorkload,
} from '../__testUtils__/model';

describe('pooler entities', () => {
  it('shows the pool settings, the databases it fronts and the Service clients use', () => {
    const bouncer = aWorkload('idp', {
      name: 'pgbouncer',
      role: 'pooler',
      podLabels: { app: 'pgbouncer' },
    });
    const cluster = aDatabase('dbaas', { name: 'pg' });
    const idpDb = aDatabase('dbaas', {
      role: 'database',
      name: 'idp',
      serverId: cluster.id,
    });
    const stack = aStack('idp', {
      workloads: [bouncer],
      poolers: [
        aPooler(bouncer, {
          settings: { pool_mode: 'session', default_pool_size: 20 },
          databases: [
            {
              name: 'idp',
              host: 'pg-rw.dbaas.svc.cluster.local',
              dbname: 'idp',
            },
          ],
          iniFile: { file: 'stacks/idp/pgbouncer.ini', line: 1 },
        }),
      ],
      services: [
        {
          id: 'svc',
          stack: 'idp',
          name: 'pgbouncer',
          namespace: 'idp',
          selector: { app: 'pgbouncer' },
          source: { file: 'stacks/idp/main.tf', line: 90 },
        },
      ],
    });
    const { get, details } = buildForTest(
      aModel([stack, aStack('dbaas', { databases: [cluster, idpDb] })], {
        dependencies: [
          { fromId: bouncer.id, toId: idpDb.id, toKind: 'database' },
        ],
      }),
    );
    const e = get('Resource:idp-pgbouncer');
    expect(e.spec).toMatchObject({
      type: 'connection-pooler',
      dependsOn: ['resource:default/dbaas-pg-idp'],
    });
    expect(e.metadata.title).toBe('pgbouncer (idp)');
    expect(e.metadata.description).toBe(
      'PgBouncer in session mode fronting idp.',
    );
    expect(details('Resource:idp-pgbouncer')).toMatchObject({
      kind: 'connection-pooler',
      settings: { pool_mode: 'session', default_pool_size: 20 },
      databases: [
        { name: 'idp', target: { ref: 'resource:default/dbaas-pg-idp' } },
      ],
      serviceHost: 'pgbouncer.idp.svc.cluster.local',
      iniFile: { file: 'stacks/idp/pgbouncer.ini', line: 1 },
    });
  });
});
