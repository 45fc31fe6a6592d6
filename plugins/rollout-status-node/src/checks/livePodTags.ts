import { V1Deployment } from '@kubernetes/client-node';
import { KubernetesObjects } from '../sources/kubernetes/types';
import { imageTag, podsOfDeployment } from '../sources/kubernetes/workloads';

/**
 * What a Deployment's pods run, from their container statuses (the image the
 * kubelet started), next to what its template says. They differ mid-rollout
 * and when something rewrote the template without the pods following.
 */
export function liveTags(
  deployment: V1Deployment,
  k8s: KubernetesObjects,
): { podTags: string[]; templateTag?: string } {
  const name = deployment.metadata?.name ?? '';
  const container = deployment.spec?.template.spec?.containers?.[0];
  const podTags = podsOfDeployment(name, k8s.replicaSets, k8s.pods).flatMap(
    pod =>
      (pod.status?.containerStatuses ?? [])
        .filter(
          c =>
            !container ||
            c.name === container.name ||
            pod.status?.containerStatuses?.length === 1,
        )
        .map(c => imageTag(c.image))
        .filter((t): t is string => Boolean(t)),
  );
  return {
    podTags: [...new Set(podTags)].sort(),
    templateTag: imageTag(container?.image),
  };
}
