import { InfraFinding } from '@internal/backstage-plugin-infra-common';
import { isUnresolved } from '../hcl/values';
import { valText } from '../model/blocks';
import {
  ContainerModel,
  CronJobModel,
  InfraModel,
  IngressModel,
  LifecycleModel,
  PdbModel,
  PvcModel,
  SourcePos,
  Val,
  WorkloadModel,
} from '../model/types';
import { sameQuantity } from '../util/quantity';

/** A finding with the model object it is about (a workload, ingress or stack id). */
export interface ConventionFinding extends InfraFinding {
  /** `id` of the workload, cron job or ingress; `stack:<name>` for stack-level findings. */
  subject: string;
}

const WORKLOAD_DNS_PATH = 'spec[0].template[0].spec[0].dns_config';
const CRON_DNS_PATH =
  'spec[0].job_template[0].spec[0].template[0].spec[0].dns_config';

/**
 * Checks the infra's conventions on a model. Independent of the catalog:
 * the scaffolder runs it on generated stacks, the catalog puts the findings
 * on entities. Returns findings ordered by file and line.
 *
 * - `parse-error`: a file does not parse.
 * - `critical-path-replicas`: a critical-path workload runs fewer than 3 replicas.
 * - `critical-path-pdb`: a critical-path workload has no PDB keeping at least
 *   2 pods (`minAvailable >= 2`, or `replicas - maxUnavailable >= 2` when both
 *   are static numbers).
 * - `auth-justification`: `auth = "app"|"none"` without the comment line
 *   `# auth = "<tier>": <reason>` directly above it.
 * - `kyverno-lifecycle`: a Deployment/StatefulSet/CronJob without the dns_config
 *   `ignore_changes` marked `KYVERNO_LIFECYCLE_V1`.
 * - `memory-request-equals-limit`: a container whose memory request and limit differ.
 * - `no-cpu-limit`: a container with a CPU limit.
 * - `rwo-recreate-strategy`: a Deployment mounting a ReadWriteOnce claim without `Recreate`.
 *
 * Nothing is reported on values that could not be resolved statically.
 */
export function checkConventions(model: InfraModel): ConventionFinding[] {
  const findings: ConventionFinding[] = [];
  for (const e of model.parseErrors) {
    const stack = /^stacks\/([^/]+)\//.exec(e.file)?.[1];
    findings.push({
      rule: 'parse-error',
      severity: 'error',
      subject: stack ? `stack:${stack}` : `file:${e.file}`,
      message: `${e.file} does not parse: ${e.message} (line ${e.line}, column ${e.column}).`,
      fix: 'Fix the syntax at that line; `terraform fmt` or `terragrunt hclfmt` points at the same place.',
      file: e.file,
      line: e.line,
    });
  }
  const ctx: Ctx = { pvcsByName: new Map(), pdbsByWorkload: new Map() };
  for (const stack of model.stacks) {
    for (const p of stack.pvcs) {
      const n = valText(p.name);
      if (n) ctx.pvcsByName.set(n, [...(ctx.pvcsByName.get(n) ?? []), p]);
    }
    const pdbById = new Map(stack.pdbs.map(p => [p.id, p]));
    for (const [pdbId, ids] of model.pdbTargets) {
      const pdb = pdbById.get(pdbId);
      if (pdb)
        for (const id of ids)
          ctx.pdbsByWorkload.set(id, [
            ...(ctx.pdbsByWorkload.get(id) ?? []),
            pdb,
          ]);
    }
  }
  for (const stack of model.stacks) {
    for (const w of stack.workloads) checkWorkload(ctx, w, findings);
    for (const c of stack.cronJobs) checkCronJob(c, findings);
    for (const i of stack.ingresses) checkIngress(i, findings);
  }
  return findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
}

function label(w: {
  address: string;
  name: Val<string>;
  namespace?: Val<string>;
}): string {
  const name = valText(w.name);
  const ns = valText(w.namespace);
  return `${w.address}${name ? ` (${name}${ns ? ` in ${ns}` : ''})` : ''}`;
}

function push(
  findings: ConventionFinding[],
  f: Omit<ConventionFinding, 'file' | 'line'>,
  at: SourcePos,
) {
  findings.push({ ...f, file: at.file, line: at.line });
}

interface Ctx {
  pvcsByName: Map<string, PvcModel[]>;
  pdbsByWorkload: Map<string, PdbModel[]>;
}

function checkWorkload(
  ctx: Ctx,
  w: WorkloadModel,
  findings: ConventionFinding[],
) {
  const name = label(w);
  if (w.criticalPath) {
    const replicas = w.replicas === undefined ? 1 : w.replicas;
    if (typeof replicas === 'number' && replicas < 3) {
      push(
        findings,
        {
          rule: 'critical-path-replicas',
          severity: 'error',
          subject: w.id,
          message: `${name} is on the critical path but runs ${replicas} replica${
            replicas === 1 ? '' : 's'
          }${w.replicas === undefined ? ' (replicas not set)' : ''}.`,
          fix: `Set ${
            w.kind === 'helm'
              ? `${w.helm?.component}.replicas`
              : 'spec.replicas'
          } to 3 so one node drain or pod failure never takes it down.`,
        },
        w.replicasAt ?? w.source,
      );
    }
    const pdbs = [
      ...(ctx.pdbsByWorkload.get(w.id) ?? []),
      ...(w.inlinePdb ? [w.inlinePdb] : []),
    ];
    const keeps = pdbs.map(p =>
      effectiveMinAvailable(p.minAvailable, p.maxUnavailable, w.replicas),
    );
    const unknown = keeps.some(k => k === undefined);
    if (!unknown && !keeps.some(k => k! >= 2)) {
      push(
        findings,
        {
          rule: 'critical-path-pdb',
          severity: 'error',
          subject: w.id,
          message: pdbs.length
            ? `${name} is on the critical path but its PodDisruptionBudget keeps only ${Math.max(
                ...keeps.map(k => k!),
              )} pod${
                Math.max(...keeps.map(k => k!)) === 1 ? '' : 's'
              } during a drain.`
            : `${name} is on the critical path but no PodDisruptionBudget selects its pods.`,
          fix: pdbs.length
            ? 'Set min_available = 2 on its PodDisruptionBudget (with 3 replicas, one drain then rolls cleanly).'
            : 'Add a kubernetes_pod_disruption_budget_v1 with min_available = 2 whose selector matches the pod labels.',
        },
        pdbs[0]?.source ?? w.source,
      );
    }
  }
  if (w.lifecycle)
    checkLifecycle(
      name,
      w.id,
      w.lifecycle,
      WORKLOAD_DNS_PATH,
      w.source,
      findings,
    );
  for (const c of w.containers) checkResources(name, w.id, c, findings);
  if (w.kind === 'deployment' && w.lifecycle) {
    const strategy = w.strategy ?? 'RollingUpdate';
    if (!isUnresolved(strategy) && strategy !== 'Recreate') {
      for (const v of w.volumes) {
        const claim = valText(v.claimName);
        if (!claim) continue;
        const pvc = (ctx.pvcsByName.get(claim) ?? []).find(
          p =>
            (valText(p.namespace) ?? valText(w.namespace)) ===
            valText(w.namespace),
        );
        if (!pvc || !pvc.accessModes.includes('ReadWriteOnce')) continue;
        push(
          findings,
          {
            rule: 'rwo-recreate-strategy',
            severity: 'error',
            subject: w.id,
            message: `${name} mounts the ReadWriteOnce claim ${claim} but uses the ${strategy} strategy${
              w.strategy === undefined ? ' (the default)' : ''
            }: a new pod cannot attach the volume while the old one holds it.`,
            fix: 'Add `strategy { type = "Recreate" }` to the Deployment spec.',
          },
          w.strategyAt ?? w.source,
        );
        break;
      }
    }
  }
}

function checkCronJob(c: CronJobModel, findings: ConventionFinding[]) {
  const name = label(c);
  checkLifecycle(name, c.id, c.lifecycle, CRON_DNS_PATH, c.source, findings);
  for (const ct of c.containers) checkResources(name, c.id, ct, findings);
}

function checkLifecycle(
  name: string,
  subject: string,
  lc: LifecycleModel,
  expected: string,
  at: SourcePos,
  findings: ConventionFinding[],
) {
  const has = lc.ignoreChanges.includes(expected);
  if (!has) {
    push(
      findings,
      {
        rule: 'kyverno-lifecycle',
        severity: 'warning',
        subject,
        message: `${name} does not ignore changes to ${expected}, so every apply fights Kyverno's ndots injection.`,
        fix: `Add \`lifecycle { ignore_changes = [${expected}] # KYVERNO_LIFECYCLE_V1 }\`.`,
      },
      lc.source ?? at,
    );
  } else if (!lc.kyvernoMarker) {
    push(
      findings,
      {
        rule: 'kyverno-lifecycle',
        severity: 'warning',
        subject,
        message: `${name} ignores ${expected} but its lifecycle block lacks the KYVERNO_LIFECYCLE_V1 marker comment.`,
        fix: 'Add the comment `# KYVERNO_LIFECYCLE_V1` in the lifecycle block so the site can be found by grep.',
      },
      lc.source ?? at,
    );
  }
}

function checkResources(
  owner: string,
  subject: string,
  c: ContainerModel,
  findings: ConventionFinding[],
) {
  const cname = valText(c.name) ?? 'container';
  const req = c.memoryRequest;
  const lim = c.memoryLimit;
  if (
    !isUnresolved(req) &&
    !isUnresolved(lim) &&
    (req !== undefined || lim !== undefined)
  ) {
    if (req === undefined || lim === undefined || !sameQuantity(req, lim)) {
      push(
        findings,
        {
          rule: 'memory-request-equals-limit',
          severity: 'warning',
          subject,
          message: memoryMessage(`Container ${cname} of ${owner}`, req, lim),
          fix: `Set the memory request and limit to the same value (${
            lim ?? req
          }, or the measured peak x 1.2).`,
        },
        c.resourcesAt,
      );
    }
  }
  if (c.cpuLimit !== undefined && !isUnresolved(c.cpuLimit)) {
    push(
      findings,
      {
        rule: 'no-cpu-limit',
        severity: 'warning',
        subject,
        message: `Container ${cname} of ${owner} sets a CPU limit (${c.cpuLimit}), which throttles it under CFS.`,
        fix: 'Remove the CPU limit and keep only a CPU request sized from actual usage.',
      },
      c.cpuLimitAt ?? c.resourcesAt,
    );
  }
}

function checkIngress(i: IngressModel, findings: ConventionFinding[]) {
  const tier = i.authTier;
  if (
    typeof tier !== 'string' ||
    (tier !== 'app' && tier !== 'none') ||
    i.justification
  )
    return;
  const last = i.authComments[i.authComments.length - 1];
  const wrongForm = last && !/^auth\s*=\s*"[a-z]+"\s*:/.test(last.text);
  const mismatch =
    last && !wrongForm
      ? /^auth\s*=\s*"([a-z]+)"/.exec(last.text)?.[1]
      : undefined;
  push(
    findings,
    {
      rule: 'auth-justification',
      severity: 'error',
      subject: i.id,
      message: authMessage(
        `module.${i.moduleName} sets auth = "${tier}"`,
        tier,
        !!last,
        mismatch,
      ),
      fix: `Put \`# auth = "${tier}": <${
        tier === 'app' ? 'what gates the app' : 'why it is public'
      }>\` on the line directly above the auth line.`,
    },
    i.authAt ?? i.source,
  );
}

function memoryMessage(
  who: string,
  req: string | undefined,
  lim: string | undefined,
): string {
  if (req === undefined)
    return `${who} sets a memory limit (${lim}) but no memory request.`;
  if (lim === undefined)
    return `${who} sets a memory request (${req}) but no memory limit.`;
  return `${who} requests ${req} of memory but is limited to ${lim}.`;
}

function authMessage(
  what: string,
  tier: string,
  hasComment: boolean,
  commentTier: string | undefined,
): string {
  if (!hasComment) {
    return `${what} with no comment above it saying ${
      tier === 'app' ? 'what gates the app' : 'why it is public'
    }.`;
  }
  if (commentTier && commentTier !== tier) {
    return `${what} but the comment above it justifies auth = "${commentTier}".`;
  }
  return `${what} but the comment above it is not in the form \`# auth = "${tier}": <reason>\`.`;
}

/** Pods a PDB keeps during a voluntary disruption, when it can be known statically. */
export function effectiveMinAvailable(
  minAvailable: Val<number | string> | undefined,
  maxUnavailable: Val<number | string> | undefined,
  replicas: Val<number> | undefined,
): number | undefined {
  const reps = replicas === undefined ? 1 : replicas;
  const pct = (v: string, r: number, up: boolean) => {
    const m = /^(\d+)%$/.exec(v);
    if (!m) return undefined;
    const x = (Number(m[1]) / 100) * r;
    return up ? Math.ceil(x) : Math.floor(x);
  };
  if (minAvailable !== undefined) {
    if (typeof minAvailable === 'number') return minAvailable;
    if (typeof minAvailable === 'string' && typeof reps === 'number')
      return pct(minAvailable, reps, true);
    return undefined;
  }
  if (maxUnavailable !== undefined && typeof reps === 'number') {
    if (typeof maxUnavailable === 'number')
      return Math.max(0, reps - maxUnavailable);
    if (typeof maxUnavailable === 'string') {
      const down = pct(maxUnavailable, reps, true);
      return down === undefined ? undefined : Math.max(0, reps - down);
    }
  }
  return undefined;
}
