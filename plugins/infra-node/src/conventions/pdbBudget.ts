import { podsKept as podsKeptBy } from '@internal/backstage-plugin-infra-common';
import { isUnresolved } from '../hcl/values';
import type { Val, WorkloadModel } from '../model/types';

/** What is known about a workload's replica count. */
export type ReplicaCount =
  | { known: true; count: number; written: boolean }
  | { known: false; why: string };

/**
 * The replicas a workload runs, when the source can say: not when they are
 * managed live (an autoscaler, Keel, an on-demand scaler), not when written
 * as an expression that does not resolve, and not for a chart that does not
 * set them in its values (the chart's default applies).
 */
export function replicaCount(w: WorkloadModel): ReplicaCount {
  const live = w.liveManaged?.find(f => f.field === 'replicas');
  if (live) {
    return {
      known: false,
      why: `its replicas are managed live by ${live.manager} (${live.evidence}), so the declared value is only a seed`,
    };
  }
  if (isUnresolved(w.replicas)) {
    return {
      known: false,
      why: `its replicas are \`${w.replicas.unresolved}\`, which does not resolve statically`,
    };
  }
  if (w.replicas === undefined) {
    if (w.kind === 'helm')
      return {
        known: false,
        why: "its chart values do not set replicas, so the chart's default applies",
      };
    return { known: true, count: 1, written: false };
  }
  return { known: true, count: w.replicas, written: true };
}

/**
 * Pods a PDB keeps during a voluntary disruption, when it can be known
 * statically (see `podsKept` in infra-common, the one rule): an unresolved
 * field is not known.
 */
export function podsKept(
  minAvailable: Val<number | string> | undefined,
  maxUnavailable: Val<number | string> | undefined,
  replicas: number | undefined,
): number | undefined {
  if (isUnresolved(minAvailable)) return undefined;
  if (minAvailable === undefined && isUnresolved(maxUnavailable))
    return undefined;
  return podsKeptBy(
    minAvailable,
    isUnresolved(maxUnavailable) ? undefined : maxUnavailable,
    replicas,
  );
}

/**
 * Pods a PDB keeps, with the replica count as the model holds it
 * (undefined: Kubernetes' default of 1; unresolved: unknown).
 */
export function effectiveMinAvailable(
  minAvailable: Val<number | string> | undefined,
  maxUnavailable: Val<number | string> | undefined,
  replicas: Val<number> | undefined,
): number | undefined {
  if (isUnresolved(replicas))
    return podsKept(minAvailable, maxUnavailable, undefined);
  const reps = replicas === undefined ? 1 : replicas;
  return podsKept(minAvailable, maxUnavailable, reps);
}
