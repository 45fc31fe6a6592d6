import {
  V1Deployment,
  V1Pod,
  V1PodDisruptionBudget,
  V1ReplicaSet,
} from '@kubernetes/client-node';

/** ReplicaSets a Deployment owns (by owner reference, not by name prefix). */
export function replicaSetsOfDeployment(
  deployment: string,
  replicaSets: V1ReplicaSet[],
): V1ReplicaSet[] {
  return replicaSets.filter(rs =>
    rs.metadata?.ownerReferences?.some(
      o => o.kind === 'Deployment' && o.name === deployment,
    ),
  );
}

/** Pods owned by any of the Deployment's ReplicaSets. */
export function podsOfDeployment(
  deployment: string,
  replicaSets: V1ReplicaSet[],
  pods: V1Pod[],
): V1Pod[] {
  const owned = new Set(
    replicaSetsOfDeployment(deployment, replicaSets).map(
      rs => rs.metadata?.name,
    ),
  );
  return pods.filter(pod =>
    pod.metadata?.ownerReferences?.some(
      o => o.kind === 'ReplicaSet' && owned.has(o.name),
    ),
  );
}

export function findDeployment(
  name: string,
  deployments: V1Deployment[],
): V1Deployment | undefined {
  return deployments.find(d => d.metadata?.name === name);
}

/** The PDB whose selector matches the Deployment's pod template labels. */
export function pdbForDeployment(
  deployment: V1Deployment,
  pdbs: V1PodDisruptionBudget[],
): V1PodDisruptionBudget | undefined {
  const labels = deployment.spec?.template.metadata?.labels ?? {};
  return pdbs.find(pdb => {
    const selector = pdb.spec?.selector?.matchLabels;
    return (
      selector !== undefined &&
      Object.keys(selector).length > 0 &&
      Object.entries(selector).every(([k, v]) => labels[k] === v)
    );
  });
}

/** The image tag of a container image reference (`repo/name:tag@digest` → `tag`). */
export function imageTag(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon >= 0 ? withoutDigest.slice(colon + 1) : undefined;
}

/** Date or ISO string → epoch ms (the client gives Dates, recorded JSON gives strings). */
export function timeOf(
  value: Date | string | undefined | null,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
