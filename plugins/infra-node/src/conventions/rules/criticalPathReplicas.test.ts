import { Unresolved } from '../../hcl/values';
import type { WorkloadModel } from '../../model/types';
import { evaluateConventions } from '../checkConventions';
import { conventionPolicy, CriticalPathEntry } from '../policy';
import { model, stack, workload } from '../__testUtils__/model';

const PDB_OK = {
  minAvailable: 2,
  source: { file: 'stacks/edge/pdb.tf', line: 1 },
};

function replicaFindings(
  w: Omit<Partial<WorkloadModel>, 'name'>,
  entries: CriticalPathEntry[] = [],
) {
  const m = model([
    stack('edge', {
      workloads: [
        workload({
          stack: 'edge',
          name: 'proxy',
          criticalPath: true,
          inlinePdb: PDB_OK,
          replicasAt: { file: 'stacks/edge/main.tf', line: 12 },
          ...w,
        }),
      ],
    }),
  ]);
  return evaluateConventions(m, {
    policy: conventionPolicy({ criticalPath: { workloads: entries } }),
  });
}

describe('critical-path-replicas', () => {
  it('accepts 3 replicas and reports fewer, or none written', () => {
    expect(replicaFindings({ replicas: 3 }).findings).toEqual([]);
    const two = replicaFindings({ replicas: 2 }).findings;
    expect(two.map(f => [f.rule, f.severity, f.line, f.message])).toEqual([
      [
        'critical-path-replicas',
        'error',
        12,
        'kubernetes_deployment.proxy (proxy in edge) is on the critical path but runs 2 replicas; it needs at least 3.',
      ],
    ]);
    expect(
      replicaFindings({ replicas: undefined }).findings[0].message,
    ).toContain('runs 1 replica (replicas not set)');
  });

  it('does not judge replicas managed live, from an unresolved expression, or left to a chart', () => {
    const live = replicaFindings({
      replicas: 1,
      liveManaged: [
        {
          field: 'replicas',
          manager: 'an on-demand scaler',
          evidence: 'ignore_changes = [spec[0].replicas]',
        },
      ],
    }).findings;
    expect(live.map(f => [f.severity, f.message])).toEqual([
      ['info', expect.stringContaining('managed live by an on-demand scaler')],
    ]);
    expect(
      replicaFindings({ replicas: new Unresolved('var.replicas') }).findings[0],
    ).toMatchObject({ severity: 'info' });
    expect(
      replicaFindings({ kind: 'helm', replicas: undefined }).findings[0]
        .message,
    ).toContain("the chart's default applies");
  });

  it('allows a lower minimum a policy entry gives with its reason', () => {
    const entry = {
      name: /^proxy$/,
      minReplicas: 2,
      minPdbAvailable: 1,
      reason: 'runs background jobs only, no user traffic',
    };
    const { findings, allowed } = replicaFindings({ replicas: 2 }, [entry]);
    expect(findings).toEqual([]);
    expect(allowed).toEqual([
      {
        rule: 'critical-path-replicas',
        subject: 'stacks/edge/main.tf:10',
        message:
          'kubernetes_deployment.proxy (proxy in edge) is on the critical path and runs 2 replicas, below the default of 3.',
        reason: 'runs background jobs only, no user traffic',
        file: 'stacks/edge/main.tf',
        line: 12,
      },
    ]);
    expect(replicaFindings({ replicas: 1 }, [entry]).findings[0].message).toBe(
      'kubernetes_deployment.proxy (proxy in edge) is on the critical path but runs 1 replica; it needs at least 2 (policy: runs background jobs only, no user traffic).',
    );
  });

  it('takes membership from the policy: off for one workload, on for another', () => {
    expect(
      replicaFindings({ replicas: 1 }, [
        { stack: 'edge', member: false, reason: 'a test copy' },
      ]).findings,
    ).toEqual([]);
    const added = replicaFindings({ replicas: 1, criticalPath: false }, [
      {
        address: 'kubernetes_deployment.proxy',
        reason: 'all logins pass through it',
      },
    ]).findings;
    expect(added.map(f => f.rule)).toEqual(['critical-path-replicas']);
  });
});
