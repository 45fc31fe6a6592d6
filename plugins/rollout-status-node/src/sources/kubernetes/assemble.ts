import {
  CoreV1Event,
  V1Deployment,
  V1Pod,
  V1PodDisruptionBudget,
  V1ReplicaSet,
  V1Secret,
} from '@kubernetes/client-node';
import { latestDeployedRelease } from './helmRelease';
import { findShmVolumes, joinShmStats } from './shmUsage';
import { KubernetesObjects, NodeStatsSummary } from './types';
import { podsOfDeployment } from './workloads';

/** The API answers one poll gathers, before interpretation. */
export interface KubernetesAnswers {
  namespace: string;
  deployments: V1Deployment[];
  replicaSets: V1ReplicaSet[];
  pods: V1Pod[];
  podDisruptionBudgets: V1PodDisruptionBudget[];
  events: CoreV1Event[];
  helmSecrets: V1Secret[];
  statsByNode: Record<string, NodeStatsSummary | undefined>;
  statsError?: string;
  namespaceLabels?: Record<string, string>;
  namespaceError?: string;
}

/**
 * Turns raw API answers into what the checks read. Live polls and snapshots
 * both go through here, so a snapshot is judged by exactly the same rules.
 */
export function assembleKubernetesObjects(
  answers: KubernetesAnswers,
  names: { helmRelease: string; helmReleases?: string[]; outpost: string },
): KubernetesObjects {
  const releaseNames = [
    ...new Set([names.helmRelease, ...(names.helmReleases ?? [])]),
  ];
  const outpostPods = podsOfDeployment(
    names.outpost,
    answers.replicaSets,
    answers.pods,
  );
  const { volumes, podsWithDefaultShm } = findShmVolumes(outpostPods);
  return {
    namespace: answers.namespace,
    deployments: answers.deployments,
    replicaSets: answers.replicaSets,
    pods: answers.pods,
    podDisruptionBudgets: answers.podDisruptionBudgets,
    events: answers.events,
    helmRelease: latestDeployedRelease(answers.helmSecrets, names.helmRelease),
    helmReleases: Object.fromEntries(
      releaseNames.map(name => [
        name,
        latestDeployedRelease(answers.helmSecrets, name),
      ]),
    ),
    namespaceLabels: answers.namespaceLabels,
    namespaceError: answers.namespaceError,
    shmUsage: joinShmStats(volumes, answers.statsByNode, answers.namespace),
    podsWithDefaultShm,
    statsError: answers.statsError,
  };
}

/** Nodes that run the outpost's pods: the only kubelets we ask for stats. */
export function outpostNodes(
  outpost: string,
  replicaSets: V1ReplicaSet[],
  pods: V1Pod[],
): string[] {
  const nodes = podsOfDeployment(outpost, replicaSets, pods)
    .map(p => p.spec?.nodeName)
    .filter((n): n is string => Boolean(n));
  return [...new Set(nodes)];
}
