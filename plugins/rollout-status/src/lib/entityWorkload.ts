import { Entity } from '@backstage/catalog-model';
import {
  INFRA_ANNOTATIONS,
  parseInfraDetails,
} from '@internal/backstage-plugin-infra-common';

const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

/**
 * The Kubernetes workload an infra entity describes (its Terraform name
 * and namespace) and the file that declares it, or undefined for entities
 * that run no pods or whose name the Terraform does not fix.
 */
export function entityWorkload(
  entity: Entity,
): { name: string; namespace: string; declaredFile?: string } | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const details = parseInfraDetails(annotations[INFRA_ANNOTATIONS.details]) as
    | { workload?: string; name?: unknown; source?: { file?: string } }
    | undefined;
  const namespace = annotations[NAMESPACE_ANNOTATION];
  if (!details?.workload || typeof details.name !== 'string' || !namespace)
    return undefined;
  return { name: details.name, namespace, declaredFile: details.source?.file };
}

/** The card's filter: infra entities that run pods. */
export function isWorkloadEntity(entity: Entity): boolean {
  return entityWorkload(entity) !== undefined;
}
