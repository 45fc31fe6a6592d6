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

function intOrPercent(
  v: number | string,
  replicas: number | undefined,
): number | undefined {
  if (typeof v === 'number') return v;
  if (/^\d+$/.test(v.trim())) return Number(v);
  const pct = /^(\d+)%$/.exec(v.trim());
  if (!pct || replicas === undefined) return undefined;
  // The disruption controller rounds both fields' percentages up.
  return Math.ceil((Number(pct[1]) * replicas) / 100);
}

/**
 * Pods a PDB keeps during a voluntary disruption, when it can be known
 * statically: `minAvailable`, or `replicas - maxUnavailable`.
 */
export function podsKept(
  minAvailable: Val<number | string> | undefined,
  maxUnavailable: Val<number | string> | undefined,
  replicas: number | undefined,
): number | undefined {
  if (minAvailable !== undefined) {
    return isUnresolved(minAvailable)
      ? undefined
      : intOrPercent(minAvailable, replicas);
  }
  if (maxUnavailable === undefined || isUnresolved(maxUnavailable))
    return undefined;
  if (replicas === undefined) return undefined;
  const down = intOrPercent(maxUnavailable, replicas);
  return down === undefined ? undefined : Math.max(0, replicas - down);
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
