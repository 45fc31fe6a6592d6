import { describeObject, plural, targetOf } from '../describe';
import { podsKept, replicaCount } from '../pdbBudget';
import type { ConventionRule, RuleHit } from '../types';

/**
 * A critical-path workload has a PodDisruptionBudget that keeps at least the
 * critical path's minimum of pods during a drain (the seeds: 2), or its own
 * minimum when the policy gives it one with a reason.
 */
export const criticalPathPdbRule: ConventionRule = {
  id: 'critical-path-pdb',
  severity: 'error',
  check(ctx) {
    const hits: RuleHit[] = [];
    const defaults = ctx.policy.criticalPath;
    for (const stack of ctx.model.stacks) {
      for (const w of stack.workloads) {
        const need = ctx.criticalPathOf(w);
        if (!need || need.minPdbAvailable <= 0) continue;
        const name = describeObject(w);
        const target = targetOf(w);
        const budgets = ctx.pdbsOf(w);
        const replicas = replicaCount(w);
        const count = replicas.known ? replicas.count : undefined;
        const kept = budgets.map(b =>
          podsKept(b.minAvailable, b.maxUnavailable, count),
        );
        const known = kept.filter((k): k is number => k !== undefined);
        const best = known.length ? Math.max(...known) : undefined;
        if (best !== undefined && best >= need.minPdbAvailable) {
          if (best < defaults.minPdbAvailable && need.entry) {
            hits.push({
              subject: w.id,
              kind: 'violation',
              message: `${name} is on the critical path and its PodDisruptionBudget keeps ${plural(
                best,
                'pod',
              )} during a drain, below the default of ${
                defaults.minPdbAvailable
              }.`,
              fix: `Set min_available = ${defaults.minPdbAvailable}, or keep the policy entry that allows ${need.minPdbAvailable}.`,
              at: budgets[kept.indexOf(best)].source,
              target,
              allowedBecause: need.entry.reason,
            });
          }
          continue;
        }
        const at =
          budgets[kept.indexOf(best)]?.source ?? budgets[0]?.source ?? w.source;
        if (known.length < kept.length) {
          hits.push({
            subject: w.id,
            kind: 'note',
            message: `${name} is on the critical path, but how many pods its PodDisruptionBudget keeps cannot be told from the source${
              replicas.known ? '' : ` (${replicas.why})`
            }.`,
            fix: `Write min_available = ${need.minPdbAvailable} as a number, so the budget does not depend on the replica count.`,
            at,
            target,
          });
          continue;
        }
        const policyNote = need.entry ? ` (policy: ${need.entry.reason})` : '';
        hits.push({
          subject: w.id,
          kind: 'violation',
          message:
            best === undefined
              ? `${name} is on the critical path but no PodDisruptionBudget selects its pods${policyNote}.`
              : `${name} is on the critical path but its PodDisruptionBudget keeps only ${plural(
                  best,
                  'pod',
                )} during a drain; it needs at least ${
                  need.minPdbAvailable
                }${policyNote}.`,
          fix:
            best === undefined
              ? `Add a kubernetes_pod_disruption_budget_v1 with min_available = ${need.minPdbAvailable} whose selector matches the pod labels (or the chart's pdb values).`
              : `Set min_available = ${need.minPdbAvailable} on its PodDisruptionBudget (with ${defaults.minReplicas} replicas, a drain then evicts one pod at a time).`,
          at,
          target,
        });
      }
    }
    return hits;
  },
};
