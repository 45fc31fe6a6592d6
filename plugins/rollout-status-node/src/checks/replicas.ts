import { V1Pod } from '@kubernetes/client-node';
import { Evidence } from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import {
  findDeployment,
  podsOfDeployment,
} from '../sources/kubernetes/workloads';
import { requireReadings, result, Findings } from './helpers';
import { criticalWorkloads } from './targetWorkloads';

export function isPodReady(pod: V1Pod): boolean {
  return (
    !pod.metadata?.deletionTimestamp &&
    pod.status?.phase === 'Running' &&
    (pod.status?.conditions ?? []).some(
      c => c.type === 'Ready' && c.status === 'True',
    )
  );
}

/**
 * Check 1: server, worker and PgBouncer each have at least `minReplicas`
 * ready pods on distinct nodes (one node loss must not take auth down).
 * Critical below `minAvailable` ready pods, warn below `minReplicas` or when
 * ready pods share nodes.
 */
export const replicasCheck: CheckFunction = ({ target, readings }) => {
  const id = 'replicas';
  const got = requireReadings(
    id,
    { kubernetes: readings.kubernetes },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const k8s = got.data.kubernetes;
  const { minReplicas, minAvailable } = target.thresholds;
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const workloads = [];
  for (const { role, name } of criticalWorkloads(target, k8s)) {
    const deployment = findDeployment(name, k8s.deployments);
    if (!deployment) {
      findings.add(
        'critical',
        `Deployment ${name} (${role}) not found in ${k8s.namespace}`,
      );
      continue;
    }
    const ready = podsOfDeployment(name, k8s.replicaSets, k8s.pods).filter(
      isPodReady,
    );
    const nodes = new Set(ready.map(p => p.spec?.nodeName).filter(Boolean));
    const desired = deployment.spec?.replicas ?? 1;
    workloads.push({
      role,
      name,
      desired,
      ready: ready.length,
      nodes: [...nodes],
    });
    evidence.push({
      label: name,
      value: `${ready.length}/${desired} ready on ${nodes.size} node(s)`,
    });
    if (ready.length < minAvailable) {
      findings.add(
        'critical',
        `${name}: only ${ready.length} ready pod(s), fewer than ${minAvailable}`,
      );
    } else if (ready.length < minReplicas) {
      findings.add(
        'warn',
        `${name}: ${ready.length} ready pods, the critical path wants ${minReplicas}`,
      );
    } else if (nodes.size < minReplicas) {
      findings.add(
        'warn',
        `${name}: ready pods share nodes (${nodes.size} distinct), one node loss takes several`,
      );
    } else {
      findings.add('ok');
    }
  }
  const verdict = findings.verdict;
  return result({
    id,
    verdict,
    summary: findings.summary(
      `Server, worker and PgBouncer each have ≥ ${minReplicas} ready pods on distinct nodes`,
    ),
    reasons: findings.reasons,
    evidence,
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: { workloads },
  });
};
