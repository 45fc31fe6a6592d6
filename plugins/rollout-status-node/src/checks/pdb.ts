import {
  IntOrString,
  V1Deployment,
  V1PodDisruptionBudget,
} from '@kubernetes/client-node';
import { podsKept } from '@internal/backstage-plugin-infra-common';
import {
  Evidence,
  Verdict,
} from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import {
  findDeployment,
  pdbForDeployment,
} from '../sources/kubernetes/workloads';
import { requireReadings, result, Findings } from './helpers';
import { criticalWorkloads } from './targetWorkloads';

/** Resolves a Deployment strategy's int-or-percent against a replica count (`maxUnavailable` rounds down, `maxSurge` up, as the Deployment controller does). */
export function resolveIntOrPercent(
  value: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value);
  if (!match) return Number(value);
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** The minimum number of pods the PDB keeps up, whichever field it uses (the one rule, in infra-common). */
export function effectiveMinAvailable(
  pdb: V1PodDisruptionBudget,
  replicas: number,
): number | undefined {
  return podsKept(pdb.spec?.minAvailable, pdb.spec?.maxUnavailable, replicas);
}

export function judgePdb(
  deployment: V1Deployment,
  pdb: V1PodDisruptionBudget | undefined,
  minAvailable: number,
): { verdict: Verdict; reasons: string[]; evidence: string } {
  const name = deployment.metadata?.name ?? '';
  if (!pdb) {
    return {
      verdict: 'critical',
      reasons: [
        `${name}: no PodDisruptionBudget selects its pods; a drain can take all of them`,
      ],
      evidence: 'no PDB',
    };
  }
  const replicas = deployment.spec?.replicas ?? 1;
  const min = effectiveMinAvailable(pdb, replicas) ?? 0;
  const status = pdb.status;
  const currentHealthy = status?.currentHealthy ?? 0;
  const desiredHealthy = status?.desiredHealthy ?? min;
  const expected = status?.expectedPods ?? replicas;
  const allowed = status?.disruptionsAllowed ?? 0;
  const findings = new Findings();
  findings.add('ok');
  if (min < minAvailable) {
    findings.add(
      'warn',
      `${name}: PDB ${pdb.metadata?.name} keeps ${min} pod(s) up, the critical path wants ≥ ${minAvailable}`,
    );
  }
  if (currentHealthy < desiredHealthy) {
    findings.add(
      'critical',
      `${name}: ${currentHealthy} healthy, below the budget's ${desiredHealthy}; no voluntary disruption can proceed`,
    );
  } else if (currentHealthy >= expected && allowed < 1) {
    findings.add(
      'critical',
      `${name}: all ${expected} pods healthy yet 0 disruptions allowed; a node drain would block forever`,
    );
  }
  return {
    verdict: findings.verdict,
    reasons: findings.reasons,
    evidence: `${pdb.metadata?.name}: min ${min}, healthy ${currentHealthy}/${desiredHealthy}, allowed ${allowed}`,
  };
}

/**
 * Check 2: each critical-path Deployment has a PDB keeping ≥ 2 pods up, a
 * drain could still proceed when everything is healthy, and the budget is
 * not currently violated.
 */
export const pdbCheck: CheckFunction = ({ target, readings }) => {
  const id = 'pdb';
  const got = requireReadings(
    id,
    { kubernetes: readings.kubernetes },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const k8s = got.data.kubernetes;
  const findings = new Findings();
  const evidence: Evidence[] = [];
  for (const { name } of criticalWorkloads(target, k8s)) {
    const deployment = findDeployment(name, k8s.deployments);
    if (!deployment) {
      findings.add(
        'unknown',
        `Deployment ${name} not found; its budget cannot be judged`,
      );
      continue;
    }
    const judged = judgePdb(
      deployment,
      pdbForDeployment(deployment, k8s.podDisruptionBudgets),
      target.thresholds.minAvailable,
    );
    findings.add(judged.verdict);
    judged.reasons.forEach(reason => findings.add(judged.verdict, reason));
    evidence.push({ label: name, value: judged.evidence });
  }
  const verdict = findings.verdict;
  return result({
    id,
    verdict,
    summary: findings.summary(
      'Every critical-path PDB keeps ≥ 2 pods up and still allows a drain',
    ),
    reasons: findings.reasons,
    evidence,
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
  });
};
