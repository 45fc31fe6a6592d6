import { V1Probe } from '@kubernetes/client-node';
import { Evidence } from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import {
  findDeployment,
  podsOfDeployment,
  timeOf,
} from '../sources/kubernetes/workloads';
import { bootOf } from './bootTime';
import { criticalWorkloads } from './targetWorkloads';
import {
  formatSeconds,
  requireReadings,
  result,
  workloadNames,
  Findings,
} from './helpers';

/**
 * How long a pod may stay unresponsive before liveness kills it: the
 * probe fails `failureThreshold` times, `periodSeconds` apart, each after
 * `timeoutSeconds` (Kubernetes defaults 3, 10, 1).
 */
export function livenessBudgetSeconds(probe: V1Probe): number {
  return (
    (probe.failureThreshold ?? 3) * (probe.periodSeconds ?? 10) +
    (probe.timeoutSeconds ?? 1)
  );
}

/**
 * How long a booting container has before liveness can kill it. Liveness
 * only starts once the startup probe has passed, so with a `startupProbe`
 * the startup budget (its failureThreshold × periodSeconds after its
 * initial delay) comes first; the liveness budget follows.
 */
export function bootBudgetSeconds(
  liveness: V1Probe,
  startup: V1Probe | undefined,
): { seconds: number; text: string } {
  const live =
    livenessBudgetSeconds(liveness) +
    (startup ? 0 : liveness.initialDelaySeconds ?? 0);
  if (!startup)
    return { seconds: live, text: `liveness ${formatSeconds(live)}` };
  const start =
    (startup.initialDelaySeconds ?? 0) +
    (startup.failureThreshold ?? 3) * (startup.periodSeconds ?? 10);
  return {
    seconds: start + live,
    text: `startup ${formatSeconds(start)} + liveness ${formatSeconds(live)}`,
  };
}

/**
 * Check 4: are liveness probes killing authentik pods (restarts, last
 * termination reasons and liveness events in the window), and is the
 * liveness budget longer than an observed boot? A boot that waits on the
 * migration advisory lock outlasts a short budget and kubelet kill-loops it.
 */
export const probeKillsCheck: CheckFunction = ({
  target,
  readings,
  bootHistory,
}) => {
  const id = 'probe-kills';
  const got = requireReadings(
    id,
    { kubernetes: readings.kubernetes },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const k8s = got.data.kubernetes;
  const windowStart =
    readings.evaluatedAt - target.thresholds.restartWindowMinutes * 60_000;
  const names = workloadNames(target);
  const watched = target.derived
    ? criticalWorkloads(target, k8s).map(w => w.name)
    : [names.server, names.worker];
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const workloads = [];
  for (const name of watched) {
    const d = findDeployment(name, k8s.deployments);
    if (!d) {
      findings.add('unknown', `Deployment ${name} not found`);
      continue;
    }
    const container = d.spec?.template.spec?.containers?.[0];
    const probe = container?.livenessProbe;
    const bootBudget = probe
      ? bootBudgetSeconds(probe, container?.startupProbe)
      : undefined;
    const budget = bootBudget?.seconds;
    const pods = podsOfDeployment(name, k8s.replicaSets, k8s.pods);
    const podNames = new Set(pods.map(p => p.metadata?.name));
    const recentTerminations = pods.flatMap(p =>
      (p.status?.containerStatuses ?? [])
        .map(c => c.lastState?.terminated)
        .filter(t => t && (timeOf(t.finishedAt) ?? 0) >= windowStart)
        .map(
          t =>
            `${p.metadata?.name}: ${t?.reason ?? 'terminated'} (exit ${
              t?.exitCode
            })`,
        ),
    );
    const restarts = pods.reduce(
      (sum, p) =>
        sum +
        (p.status?.containerStatuses ?? []).reduce(
          (s, c) => s + c.restartCount,
          0,
        ),
      0,
    );
    const livenessEvents = k8s.events.filter(
      e =>
        podNames.has(e.involvedObject.name) &&
        (timeOf(e.lastTimestamp ?? e.eventTime) ?? 0) >= windowStart &&
        /liveness probe/i.test(e.message ?? '') &&
        (e.reason === 'Unhealthy' || e.reason === 'Killing'),
    );
    const kills = livenessEvents
      .filter(e => e.reason === 'Killing')
      .reduce((n, e) => n + (e.count ?? 1), 0);
    const failures = livenessEvents
      .filter(e => e.reason === 'Unhealthy')
      .reduce((n, e) => n + (e.count ?? 1), 0);
    const readingsOfBoots = pods.map(p =>
      bootOf(p, {
        history: bootHistory,
        blipAfterSeconds: target.thresholds.restartWindowMinutes * 60,
      }),
    );
    const boots = readingsOfBoots.flatMap(b => (b.known ? [b.seconds] : []));
    const blips = readingsOfBoots.filter(
      b => !b.known && /blip/.test(b.reason),
    ).length;
    const longestBoot = boots.length ? Math.max(...boots) : undefined;
    workloads.push({
      name,
      restarts,
      livenessKills: kills,
      livenessFailures: failures,
      budgetSeconds: budget,
      longestBootSeconds: longestBoot,
    });
    evidence.push({
      label: name,
      value: `${restarts} restarts, ${kills} liveness kills, ${failures} liveness failures in ${
        target.thresholds.restartWindowMinutes
      } min; budget ${
        budget === undefined ? 'none' : formatSeconds(budget)
      }, longest boot ${
        longestBoot === undefined ? 'not observed' : formatSeconds(longestBoot)
      }${blips ? ` (${blips} readiness blip(s) not counted as boots)` : ''}`,
    });
    if (kills > 0) {
      findings.add(
        'critical',
        `${name}: liveness probe killed containers ${kills} time(s) in the window`,
      );
    } else if (recentTerminations.length > 0) {
      findings.add(
        'warn',
        `${name}: recent terminations: ${recentTerminations
          .slice(0, 3)
          .join('; ')}`,
      );
    }
    if (
      budget !== undefined &&
      longestBoot !== undefined &&
      longestBoot > budget
    ) {
      findings.add(
        kills > 0 ? 'critical' : 'warn',
        `${name}: a boot took ${formatSeconds(
          longestBoot,
        )}, longer than the budget before liveness kills it (${
          bootBudget?.text
        })`,
      );
    } else if (budget !== undefined && longestBoot === undefined) {
      findings.add(
        'unknown',
        `${name}: no pod has become ready, so the boot time is unknown`,
      );
    } else {
      findings.add('ok');
    }
  }
  const verdict = findings.verdict;
  return result({
    id,
    verdict,
    summary: findings.summary(
      'No liveness kills, and the liveness budget outlasts observed boots',
    ),
    reasons: findings.reasons,
    evidence,
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: { workloads },
  });
};
