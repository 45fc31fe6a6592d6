import { isUnresolved } from '../../hcl/values';
import { describeObject, targetOf, textOf } from '../describe';
import type { ConventionRule, RuleHit } from '../types';

/**
 * A Deployment that mounts a ReadWriteOnce claim uses the `Recreate`
 * strategy: with a rolling update the new pod cannot attach the volume while
 * the old one holds it. StatefulSets and charts are not judged (their pods
 * own their claims, or the chart decides).
 */
export const rwoRecreateStrategyRule: ConventionRule = {
  id: 'rwo-recreate-strategy',
  severity: 'error',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const stack of ctx.model.stacks) {
      for (const w of stack.workloads) {
        if (w.kind !== 'deployment') continue;
        const strategy = w.strategy ?? 'RollingUpdate';
        if (isUnresolved(strategy) || strategy === 'Recreate') continue;
        const ns = textOf(w.namespace);
        const rwo = w.volumes
          .map(v => textOf(v.claimName))
          .find(
            claim =>
              claim !== undefined &&
              ctx
                .pvcsNamed(claim)
                .some(
                  p =>
                    (textOf(p.namespace) ?? ns) === ns &&
                    p.accessModes.includes('ReadWriteOnce'),
                ),
          );
        if (!rwo) continue;
        hits.push({
          subject: w.id,
          kind: 'violation',
          message: `${describeObject(
            w,
          )} mounts the ReadWriteOnce claim ${rwo} but uses the ${strategy} strategy${
            w.strategy === undefined ? ' (the default)' : ''
          }: a new pod cannot attach the volume while the old one holds it.`,
          fix: 'Add `strategy { type = "Recreate" }` to the Deployment spec.',
          at: w.strategyAt ?? w.source,
          target: targetOf(w),
        });
      }
    }
    return hits;
  },
};
