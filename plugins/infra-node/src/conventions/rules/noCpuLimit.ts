import { isUnresolved } from '../../hcl/values';
import { describeObject, targetOf, textOf } from '../describe';
import type { ConventionRule, RuleHit } from '../types';
import { containersOf } from './workloadsWithContainers';

/**
 * No container sets a CPU limit: CPU limits were removed cluster-wide (CFS
 * throttling), whatever the namespace tier. A limit that does not resolve is
 * not judged.
 */
export const noCpuLimitRule: ConventionRule = {
  id: 'no-cpu-limit',
  severity: 'warning',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const { owner, container: c } of containersOf(ctx.model)) {
      if (c.cpuLimit === undefined || isUnresolved(c.cpuLimit)) continue;
      const cname = textOf(c.name) ?? 'container';
      hits.push({
        subject: owner.id,
        kind: 'violation',
        message: `Container ${cname} of ${describeObject(
          owner,
        )} sets a CPU limit (${c.cpuLimit}), which throttles it under CFS.`,
        fix: 'Remove the CPU limit and keep only a CPU request sized from actual usage.',
        at: c.cpuLimitAt ?? c.resourcesAt,
        target: targetOf(owner, textOf(c.name)),
      });
    }
    return hits;
  },
};
