import { isUnresolved } from '../hcl/values';
import { InfraModel } from '../model/types';

/**
 * The tier of each workload's and cron job's namespace: the `tier` label
 * of the namespace, wherever in the repo it is created (one stack often
 * creates a namespace that others deploy into).
 */
export function assignNamespaceTiers(model: InfraModel) {
  const repoTiers = new Map<string, string>();
  for (const s of model.stacks)
    for (const [ns, tier] of Object.entries(s.namespaceTiers))
      if (!repoTiers.has(ns)) repoTiers.set(ns, tier);
  for (const s of model.stacks) {
    for (const w of [...s.workloads, ...s.cronJobs]) {
      const ns = w.namespace;
      if (typeof ns === 'string')
        w.namespaceTier = s.namespaceTiers[ns] ?? repoTiers.get(ns);
      else w.namespaceTier = isUnresolved(ns) ? ns : undefined;
      if ('tier' in w && typeof w.namespaceTier === 'string')
        w.tier ??= w.namespaceTier;
    }
  }
}
