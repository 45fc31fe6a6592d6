import { isUnresolved } from '../../hcl/values';
import type { CronJobModel, WorkloadModel } from '../../model/types';
import {
  parseQuantity,
  sameQuantity,
} from '@internal/backstage-plugin-infra-common';
import { describeObject, targetOf, textOf } from '../describe';
import type { ConventionRule, RuleHit } from '../types';
import { containersOf } from './workloadsWithContainers';

type TierVerdict =
  | { known: true; tier: string; burstable: boolean }
  | { known: false; why: string };

function tierOf(
  o: WorkloadModel | CronJobModel,
  burstableTiers: string[],
): TierVerdict {
  const tier = o.namespaceTier;
  const ns = textOf(o.namespace);
  const where = ns ? `namespace ${ns}` : 'its namespace';
  if (tier === undefined) {
    return {
      known: false,
      why: `the tier of ${where} is not known (no \`tier\` label found for it in the repo)`,
    };
  }
  if (isUnresolved(tier)) {
    return {
      known: false,
      why: `the tier of ${where} is not known (its \`tier\` label is \`${tier.unresolved}\`, which does not resolve)`,
    };
  }
  return { known: true, tier, burstable: burstableTiers.includes(tier) };
}

function list(tiers: string[]): string {
  if (tiers.length === 0) return 'no tier';
  if (tiers.length === 1) return tiers[0];
  return `${tiers.slice(0, -1).join(', ')} and ${tiers[tiers.length - 1]}`;
}

/**
 * Memory request equals limit (Guaranteed memory), except in the namespace
 * tiers where Burstable is the intended policy. A limit without a request is
 * fine: Kubernetes sets the request to the limit. Nothing set at all is left
 * to the tier's LimitRange and not judged here; nor is a value that does not
 * resolve. When the tier is not known, the rule says so instead of guessing.
 */
export const memoryRequestEqualsLimitRule: ConventionRule = {
  id: 'memory-request-equals-limit',
  severity: 'warning',
  check(ctx) {
    const hits: RuleHit[] = [];
    const burstable = ctx.policy.burstableTiers;
    for (const { owner, container: c } of containersOf(ctx.model)) {
      const req = c.memoryRequest;
      const lim = c.memoryLimit;
      if (req === undefined || isUnresolved(req) || isUnresolved(lim)) continue;
      if (lim !== undefined && sameQuantity(req, lim)) continue;
      const cname = textOf(c.name) ?? 'container';
      const who = `Container ${cname} of ${describeObject(owner)}`;
      const base = {
        subject: owner.id,
        at: c.resourcesAt,
        target: targetOf(owner, textOf(c.name)),
      };
      const r = parseQuantity(req);
      const l = lim === undefined ? undefined : parseQuantity(lim);
      if (r !== undefined && l !== undefined && r > l) {
        hits.push({
          ...base,
          kind: 'violation',
          message: `${who} requests ${req} of memory but is limited to ${lim}: Kubernetes rejects a request above the limit.`,
          fix: `Set the memory request and limit to the same value (${lim}, or the measured peak x 1.2).`,
        });
        continue;
      }
      const what =
        lim === undefined
          ? `${who} sets a memory request (${req}) but no limit, so the namespace's LimitRange default limit applies`
          : `${who} requests ${req} of memory but is limited to ${lim}`;
      const tier = tierOf(owner, burstable);
      if (tier.known && tier.burstable) continue;
      if (!tier.known) {
        hits.push({
          ...base,
          kind: 'note',
          message: `${what}; ${
            tier.why
          }, so whether Burstable memory is intended there cannot be told (it is in ${list(
            burstable,
          )}).`,
          fix: `Give the namespace a \`tier\` label the repo resolves; outside ${list(
            burstable,
          )}, set the request equal to the limit.`,
        });
        continue;
      }
      hits.push({
        ...base,
        kind: 'violation',
        message: `${what}, in tier ${
          tier.tier
        }, where request = limit is the rule (Burstable is for ${list(
          burstable,
        )}).`,
        fix: `Set the memory request and limit to the same value (${
          lim ?? req
        }, or the measured peak x 1.2).`,
      });
    }
    return hits;
  },
};
