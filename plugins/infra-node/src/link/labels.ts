import { WorkloadModel } from '../model/types';

/** True when every label of a non-empty selector matches. */
export function labelsMatch(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The labels a workload's pods carry (its selector when the template has none). */
export function podLabelsOf(w: WorkloadModel): Record<string, string> {
  return Object.keys(w.podLabels).length ? w.podLabels : w.selector ?? {};
}
