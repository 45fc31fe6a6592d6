import { describeObject, plural, targetOf } from '../describe';
import { replicaCount } from '../pdbBudget';
import type { ConventionRule, RuleHit } from '../types';

/**
 * A critical-path workload runs at least the critical path's replicas (the
 * seeds: 3), or its own minimum when the policy gives it one with a reason.
 */
export const criticalPathReplicasRule: ConventionRule = {
  id: 'critical-path-replicas',
  severity: 'error',
  check(ctx) {
    const hits: RuleHit[] = [];
    const defaults = ctx.policy.criticalPath;
    for (const stack of ctx.model.stacks) {
      for (const w of stack.workloads) {
        const need = ctx.criticalPathOf(w);
        if (!need) continue;
        const name = describeObject(w);
        const at = w.replicasAt ?? w.source;
        const target = targetOf(w);
        const subject = w.id;
        const replicas = replicaCount(w);
        const key =
          w.kind === 'helm' && w.helm
            ? `${w.helm.component}.replicas`
            : 'spec.replicas';
        if (!replicas.known) {
          hits.push({
            subject,
            kind: 'note',
            message: `${name} is on the critical path, but ${replicas.why}: whether it runs ${need.minReplicas} cannot be told from the source.`,
            fix: `Check the live count (kubectl get) or write ${key} in Terraform.`,
            at,
            target,
          });
          continue;
        }
        const { count } = replicas;
        const runs = `runs ${plural(count, 'replica')}${
          replicas.written ? '' : ' (replicas not set)'
        }`;
        if (count >= need.minReplicas) {
          if (count < defaults.minReplicas && need.entry) {
            hits.push({
              subject,
              kind: 'violation',
              message: `${name} is on the critical path and ${runs}, below the default of ${defaults.minReplicas}.`,
              fix: `Set ${key} to ${defaults.minReplicas}, or keep the policy entry that allows ${need.minReplicas}.`,
              at,
              target,
              allowedBecause: need.entry.reason,
            });
          }
          continue;
        }
        hits.push({
          subject,
          kind: 'violation',
          message: `${name} is on the critical path but ${runs}; it needs at least ${
            need.minReplicas
          }${need.entry ? ` (policy: ${need.entry.reason})` : ''}.`,
          fix: `Set ${key} to ${need.minReplicas} so one node drain or pod failure never takes it down.`,
          at,
          target,
        });
      }
    }
    return hits;
  },
};
