import type {
  CronJobModel,
  LifecycleModel,
  WorkloadModel,
} from '../../model/types';
import { describeObject, targetOf } from '../describe';
import type { ConventionRule, RuleHit } from '../types';

const POD_DNS_PATH = 'spec[0].template[0].spec[0].dns_config';
const CRON_POD_DNS_PATH =
  'spec[0].job_template[0].spec[0].template[0].spec[0].dns_config';

/**
 * The kinds the convention names (Deployments, StatefulSets, CronJobs).
 * DaemonSets and Jobs are not named by it, so they are not judged.
 */
const JUDGED_KINDS = new Set<WorkloadModel['kind']>([
  'deployment',
  'stateful-set',
]);

/** `spec.0.template` (the legacy form) and `"spec[0]..."` as `spec[0].template`. */
function normalisePath(entry: string): string {
  return entry
    .replace(/^"(.*)"$/, '$1')
    .replace(/\s+/g, '')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/**
 * True when an `ignore_changes` entry covers the path: the path itself, a
 * parent of it (ignoring `spec[0].template` ignores everything below), or `all`.
 */
export function ignoresPath(lc: LifecycleModel, path: string): boolean {
  return lc.ignoreChanges.some(raw => {
    const entry = normalisePath(raw);
    if (entry === 'all') return true;
    if (!path.startsWith(entry)) return false;
    const next = path.charAt(entry.length);
    return next === '' || next === '.' || next === '[';
  });
}

/**
 * Every Deployment, StatefulSet and CronJob tells Terraform to ignore the
 * pod's `dns_config` (Kyverno injects it at admission), with the
 * `KYVERNO_LIFECYCLE_V1` marker comment so every site is found by grep.
 * Helm and operator workloads have no Terraform lifecycle to judge.
 */
export const kyvernoLifecycleRule: ConventionRule = {
  id: 'kyverno-lifecycle',
  severity: 'warning',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const stack of ctx.model.stacks) {
      for (const w of stack.workloads) {
        if (!w.lifecycle || !JUDGED_KINDS.has(w.kind)) continue;
        const hit = judge(w, w.lifecycle, POD_DNS_PATH);
        if (hit) hits.push(hit);
      }
      for (const c of stack.cronJobs) {
        const hit = judge(c, c.lifecycle, CRON_POD_DNS_PATH);
        if (hit) hits.push(hit);
      }
    }
    return hits;
  },
};

function judge(
  o: WorkloadModel | CronJobModel,
  lc: LifecycleModel,
  path: string,
): RuleHit | undefined {
  const name = describeObject(o);
  const base = {
    subject: o.id,
    kind: 'violation' as const,
    at: lc.source ?? o.source,
    target: targetOf(o),
  };
  if (!ignoresPath(lc, path)) {
    return {
      ...base,
      message: `${name} does not ignore changes to ${path}, so every apply fights Kyverno's ndots injection.`,
      fix: `Add \`lifecycle { ignore_changes = [${path}] # KYVERNO_LIFECYCLE_V1 }\`.`,
    };
  }
  if (!lc.kyvernoMarker) {
    return {
      ...base,
      message: `${name} ignores ${path} but its lifecycle block lacks the KYVERNO_LIFECYCLE_V1 marker comment.`,
      fix: 'Add the comment `# KYVERNO_LIFECYCLE_V1` in the lifecycle block so the site can be found by grep.',
    };
  }
  return undefined;
}
