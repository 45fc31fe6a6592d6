import { buildForTest } from '../__testUtils__/build';
import {
  aContainer,
  aDatabase,
  aModel,
  aStack,
  aWorkload,
} from '../__testUtils__/model';

describe('database entities', () => {
  it('emits servers and the databases on them, each depending on its server', () => {
    const cluster = aDatabase('dbaas', { name: 'pg-cluster', instances: 3 });
    const appDb = aDatabase('dbaas', {
      role: 'database',
      name: 'wiki',
      serverId: cluster.id,
      declaredBy: 'vault-static-role',
      hosts: ['pg-cluster-rw.dbaas.svc.cluster.local', 'db.example.org'],
    });
    const { get, details } = buildForTest(
      aModel([aStack('dbaas', { databases: [cluster, appDb] })]),
    );
    const server = get('Resource:dbaas-pg-cluster');
    expect(server.metadata.title).toBe('pg-cluster (postgresql)');
    expect(server.metadata.description).toBe(
      'PostgreSQL server pg-cluster in stack dbaas. Declared by a CloudNativePG Cluster.',
    );
    const db = get('Resource:dbaas-pg-cluster-wiki');
    expect(db.spec).toMatchObject({
      type: 'database',
      dependsOn: ['resource:default/dbaas-pg-cluster'],
    });
    expect(db.metadata.description).toBe(
      'Database wiki on pg-cluster. Declared by a Vault static role.',
    );
    expect(details('Resource:dbaas-pg-cluster-wiki')).toMatchObject({
      role: 'database',
      declaredBy: 'vault-static-role',
      server: { ref: 'resource:default/dbaas-pg-cluster' },
      // Only in-cluster hosts are hosts clients of the database use.
      hosts: ['pg-cluster-rw.dbaas.svc.cluster.local'],
    });
  });

  it('says so when the server of a database is unknown', () => {
    const db = aDatabase('app', {
      role: 'database',
      name: 'app',
      declaredBy: 'workload-config',
    });
    const { get } = buildForTest(aModel([aStack('app', { databases: [db] })]));
    const e = get('Resource:app-db');
    expect(e.spec?.dependsOn).toEqual([]);
    expect(e.metadata.description).toBe(
      'Database app on an unknown server. Declared by the configuration of a workload that uses it.',
    );
  });

  it('shows a server run as a StatefulSet with its workload, and a Redis server as Redis', () => {
    const sts = aWorkload('cache', {
      kind: 'stateful-set',
      role: 'database',
      engine: 'redis',
      name: 'redis',
      containers: [aContainer({ image: 'redis:7' })],
    });
    const redis = aDatabase('cache', {
      id: sts.id,
      engine: 'redis',
      declaredBy: 'workload',
      name: 'redis',
      workload: sts,
    });
    const { get, details, names } = buildForTest(
      aModel([aStack('cache', { workloads: [sts], databases: [redis] })]),
    );
    // The StatefulSet is the database Resource, not a Component as well.
    expect(names()).toEqual(['System:cache', 'Resource:cache-redis']);
    expect(get('Resource:cache-redis').metadata.description).toBe(
      'Redis server redis in stack cache. Declared by a workload running its image.',
    );
    expect(details('Resource:cache-redis')).toMatchObject({
      engine: 'redis',
      workload: { workload: 'stateful-set', image: 'redis:7' },
    });
  });
});
