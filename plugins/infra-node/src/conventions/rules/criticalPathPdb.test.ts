import { Unresolved } from '../../hcl/values';
import type { WorkloadModel } from '../../model/types';
import { evaluateConventions } from '../checkConventions';
import { conventionPolicy, CriticalPathEntry } from '../policy';
import type { PdbBudget } from '../types';
import { model, pdb, stack, workload } from '../__testUtils__/model';

function pdbFindings(
  budget: Omit<PdbBudget, 'source'> | undefined,
  w: Omit<Partial<WorkloadModel>, 'name'> = {},
  entries: CriticalPathEntry[] = [],
) {
  const proxy = workload({
    name: 'proxy',
    criticalPath: true,
    replicas: 3,
    ...w,
  });
  const budgets = budget ? [pdb({ name: 'proxy', ...budget })] : [];
  const m = model([stack('shop', { workloads: [proxy], pdbs: budgets })], {
    pdbTargets: new Map(budgets.map(b => [b.id, [proxy.id]])),
  });
  return evaluateConventions(m, {
    policy: conventionPolicy({ criticalPath: { workloads: entries } }),
  });
}

describe('critical-path-pdb', () => {
  it('accepts minAvailable 2, or maxUnavailable 1 of 3 replicas', () => {
    expect(pdbFindings({ minAvailable: 2 }).findings).toEqual([]);
    expect(pdbFindings({ maxUnavailable: 1 }).findings).toEqual([]);
    expect(pdbFindings({ minAvailable: '50%' }).findings).toEqual([]);
  });

  it('reports no budget, and a budget that keeps too few, on the PDB', () => {
    expect(
      pdbFindings(undefined).findings.map(f => [f.file, f.message]),
    ).toEqual([
      [
        'stacks/shop/main.tf',
        'kubernetes_deployment.proxy (proxy in shop) is on the critical path but no PodDisruptionBudget selects its pods.',
      ],
    ]);
    const [f] = pdbFindings(
      { maxUnavailable: 1 },
      { replicas: 2 },
    ).findings.filter(x => x.rule === 'critical-path-pdb');
    expect([f.file, f.severity, f.message]).toEqual([
      'stacks/shop/pdb.tf',
      'error',
      'kubernetes_deployment.proxy (proxy in shop) is on the critical path but its PodDisruptionBudget keeps only 1 pod during a drain; it needs at least 2.',
    ]);
  });

  it('says so when the budget cannot be known', () => {
    const unknown = pdbFindings({
      minAvailable: new Unresolved('var.min'),
    }).findings;
    expect(unknown.map(f => f.severity)).toEqual(['info']);
    const live = pdbFindings(
      { maxUnavailable: 1 },
      {
        liveManaged: [
          {
            field: 'replicas',
            manager: 'an autoscaler',
            evidence: 'ignore_changes',
          },
        ],
      },
    ).findings.filter(f => f.rule === 'critical-path-pdb');
    expect(live[0].message).toContain('managed live by an autoscaler');
  });

  it('allows a lower budget a policy entry gives with its reason', () => {
    const { findings, allowed } = pdbFindings(
      { maxUnavailable: 1 },
      { replicas: 2 },
      [
        {
          name: /proxy/,
          minReplicas: 2,
          minPdbAvailable: 1,
          reason: 'no user traffic',
        },
      ],
    );
    expect(findings).toEqual([]);
    expect(allowed.map(a => [a.rule, a.reason, a.file])).toEqual([
      ['critical-path-replicas', 'no user traffic', 'stacks/shop/main.tf'],
      ['critical-path-pdb', 'no user traffic', 'stacks/shop/pdb.tf'],
    ]);
  });
});
