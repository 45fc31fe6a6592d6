import { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { Evidence } from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import {
  findDeployment,
  imageTag,
  pdbForDeployment,
  replicaSetsOfDeployment,
  timeOf,
} from '../sources/kubernetes/workloads';
import { requireReadings, result, Findings } from './helpers';
import { criticalWorkloads } from './targetWorkloads';
import { effectiveMinAvailable, resolveIntOrPercent } from './pdb';
import { isPodReady } from './replicas';

/** A ReplicaSet as the rollout picture shows it. */
export interface ReplicaSetBar {
  deployment: string;
  name: string;
  revision: number;
  imageTag?: string;
  desired: number;
  ready: number;
  created?: string;
  /** The ReplicaSet's pods: where they run, whether ready, restarts. */
  pods: Array<{
    name: string;
    node?: string;
    ready: boolean;
    restarts: number;
  }>;
}

function toBar(
  deployment: string,
  rs: V1ReplicaSet,
  pods: V1Pod[],
): ReplicaSetBar {
  const created = timeOf(rs.metadata?.creationTimestamp);
  const own = pods.filter(p =>
    p.metadata?.ownerReferences?.some(
      o => o.kind === 'ReplicaSet' && o.name === rs.metadata?.name,
    ),
  );
  return {
    deployment,
    name: rs.metadata?.name ?? '',
    revision: Number(
      rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0,
    ),
    imageTag: imageTag(rs.spec?.template?.spec?.containers?.[0]?.image),
    desired: rs.spec?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    created:
      created === undefined ? undefined : new Date(created).toISOString(),
    pods: own.map(p => ({
      name: p.metadata?.name ?? '',
      node: p.spec?.nodeName,
      ready: isPodReady(p),
      restarts: (p.status?.containerStatuses ?? []).reduce(
        (n, c) => n + c.restartCount,
        0,
      ),
    })),
  };
}

/**
 * Check 3: the last rollout converged (observed generation, updated, ready
 * and available equal desired), did not exceed its progress deadline, no
 * ReplicaSet churn (more than two live ReplicaSets, as when Keel re-upgraded
 * mid-storm), and the surge settings cannot drop below the PDB.
 */
export const rolloutCheck: CheckFunction = ({ target, readings }) => {
  const id = 'rollout';
  const got = requireReadings(
    id,
    { kubernetes: readings.kubernetes },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const k8s = got.data.kubernetes;
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const replicaSets: ReplicaSetBar[] = [];
  for (const { name } of criticalWorkloads(target, k8s)) {
    const d = findDeployment(name, k8s.deployments);
    if (!d) {
      findings.add('unknown', `Deployment ${name} not found`);
      continue;
    }
    const desired = d.spec?.replicas ?? 1;
    const s = d.status ?? {};
    const bars = replicaSetsOfDeployment(name, k8s.replicaSets)
      .map(rs => toBar(name, rs, k8s.pods))
      .sort((a, b) => b.revision - a.revision);
    const live = bars.filter(b => b.desired > 0 || b.ready > 0);
    replicaSets.push(...live);
    evidence.push({
      label: name,
      value: `updated ${s.updatedReplicas ?? 0}, ready ${
        s.readyReplicas ?? 0
      }, available ${s.availableReplicas ?? 0} of ${desired}; ${
        live.length
      } live ReplicaSet(s)`,
    });
    const progressing = s.conditions?.find(c => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      findings.add(
        'critical',
        `${name}: ProgressDeadlineExceeded (${
          progressing.message ?? 'rollout stalled'
        })`,
      );
    }
    if (live.length > 2) {
      findings.add(
        'critical',
        `${name}: ${live.length} live ReplicaSets (${live
          .map(b => b.imageTag)
          .join(', ')}): rollouts are piling up`,
      );
    }
    if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
      findings.add(
        'warn',
        `${name}: the controller has not yet observed generation ${d.metadata?.generation}`,
      );
    }
    const converged =
      (s.updatedReplicas ?? 0) >= desired &&
      (s.readyReplicas ?? 0) >= desired &&
      (s.availableReplicas ?? 0) >= desired &&
      (s.replicas ?? 0) <= desired;
    if (!converged) {
      findings.add(
        'warn',
        `${name}: rollout not converged (${s.updatedReplicas ?? 0} updated, ${
          s.availableReplicas ?? 0
        } available of ${desired})`,
      );
    }
    const pdb = pdbForDeployment(d, k8s.podDisruptionBudgets);
    const minAvailable = pdb ? effectiveMinAvailable(pdb, desired) : undefined;
    const maxUnavailable =
      resolveIntOrPercent(
        d.spec?.strategy?.rollingUpdate?.maxUnavailable ?? '25%',
        desired,
        false,
      ) ?? 0;
    if (minAvailable !== undefined && desired - maxUnavailable < minAvailable) {
      findings.add(
        'warn',
        `${name}: maxUnavailable ${maxUnavailable} lets a rollout drop to ${
          desired - maxUnavailable
        } pods, below the PDB's ${minAvailable}`,
      );
    }
    findings.add('ok');
  }
  const verdict = findings.verdict;
  return result({
    id,
    verdict,
    summary: findings.summary(
      'Every critical-path rollout has converged on one ReplicaSet',
    ),
    reasons: findings.reasons,
    evidence,
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: { replicaSets },
  });
};
