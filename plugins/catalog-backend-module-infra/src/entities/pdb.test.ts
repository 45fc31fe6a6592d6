import { buildForTest } from '../__testUtils__/build';
import { aModel, aPdb, aStack, aWorkload } from '../__testUtils__/model';

describe('PDB entities', () => {
  it('is a dependency of the workloads it selects', () => {
    const w = aWorkload('cache', { name: 'redis' });
    const p = aPdb('cache', { name: 'redis', minAvailable: 2 });
    const { get, details } = buildForTest(
      aModel([aStack('cache', { workloads: [w], pdbs: [p] })], {
        pdbTargets: new Map([[p.id, [w.id]]]),
      }),
    );
    const e = get('Resource:cache-redis-pdb');
    expect(e.spec).toMatchObject({
      type: 'pod-disruption-budget',
      dependencyOf: ['component:default/cache-redis'],
    });
    expect(e.metadata.title).toBe('redis PDB');
    expect(e.metadata.description).toBe(
      'PodDisruptionBudget redis (minAvailable 2).',
    );
    expect(details('Resource:cache-redis-pdb')).toMatchObject({
      minAvailable: 2,
      selects: [{ ref: 'component:default/cache-redis' }],
    });
    // The workload names its PDB.
    expect(details('Component:cache-redis')).toMatchObject({
      pdb: { ref: 'resource:default/cache-redis-pdb', minAvailable: 2 },
    });
  });

  it('emits the PDB a chart values file declares for its workload', () => {
    const w = aWorkload('idp', {
      kind: 'helm',
      name: 'idp-server',
      helm: { release: 'idp', chart: 'idp', component: 'server' },
      inlinePdb: {
        maxUnavailable: '25%',
        source: { file: 'stacks/idp/values.yaml', line: 12 },
      },
    });
    const { get, details } = buildForTest(
      aModel([aStack('idp', { workloads: [w] })]),
    );
    const e = get('Resource:idp-server-pdb');
    expect(e.spec?.dependencyOf).toEqual(['component:default/idp-server']);
    expect(e.metadata.description).toBe(
      'PodDisruptionBudget idp-server (maxUnavailable 25%).',
    );
    expect(details('Resource:idp-server-pdb')).toMatchObject({
      source: { file: 'stacks/idp/values.yaml', line: 12 },
    });
  });

  it('names and describes one instance of an expanded PDB', () => {
    const p = aPdb('sites', {
      name: 'site',
      instance: {
        address: 'module.site["shop"].kubernetes_pod_disruption_budget_v1.this',
        modulePath: 'module.site["shop"]',
        key: 'shop',
      },
    });
    const { get } = buildForTest(aModel([aStack('sites', { pdbs: [p] })]));
    expect(get('Resource:sites-site-pdb-shop').metadata.description).toBe(
      'PodDisruptionBudget site (minAvailable 1). Instance "shop" (module.site["shop"].kubernetes_pod_disruption_budget_v1.this).',
    );
  });
});
