/**
 * What a PodDisruptionBudget keeps running, the one rule both the convention
 * checks (on the declared Terraform) and the rollout checks (on the live
 * object) apply.
 */

/**
 * A PDB field (`2`, `"2"`, `"50%"`) as a pod count for `replicas` pods, or
 * undefined when it cannot be known (a percentage without a replica count,
 * or not a count at all). The disruption controller rounds percentages up,
 * for `minAvailable` and `maxUnavailable` alike.
 */
export function pdbCount(
  value: number | string | undefined | null,
  replicas: number | undefined,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const pct = /^(\d+)%$/.exec(text);
  if (!pct || replicas === undefined) return undefined;
  return Math.ceil((Number(pct[1]) * replicas) / 100);
}

/**
 * Pods a PDB keeps up during a voluntary disruption: `minAvailable`, or
 * `replicas - maxUnavailable` (never below zero). Undefined when it cannot
 * be known.
 */
export function podsKept(
  minAvailable: number | string | undefined | null,
  maxUnavailable: number | string | undefined | null,
  replicas: number | undefined,
): number | undefined {
  if (minAvailable !== undefined && minAvailable !== null)
    return pdbCount(minAvailable, replicas);
  if (maxUnavailable === undefined || maxUnavailable === null) return undefined;
  if (replicas === undefined) return undefined;
  const down = pdbCount(maxUnavailable, replicas);
  return down === undefined ? undefined : Math.max(0, replicas - down);
}
