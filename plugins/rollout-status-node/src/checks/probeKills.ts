import { V1Pod, V1Probe } from '@kubernetes/client-node';
import { Evidence } from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import {
  findDeployment,
  podsOfDeployment,
  timeOf,
} from '../sources/kubernetes/workloads';
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

/** Seconds from the container's start to the pod turning Ready. */
export function bootSeconds(pod: V1Pod): number | undefined {
  const started = timeOf(
    pod.status?.containerStatuses?.[0]?.state?.running?.startedAt,
  );
  const ready = pod.status?.conditions?.find(
    c => c.type === 'Ready' && c.status === 'True',
  );
  const readyAt = timeOf(ready?.lastTransitionTime);
  return started !== undefined && readyAt !== undefined && readyAt >= started
    ? (readyAt - started) / 1000
    : undefined;
}

/**
 * Check 4: are liveness probes killing authentik pods (restarts, last
 * termination reasons and liveness events in the window), and is the
 * liveness budget longer than an observed boot? A boot that waits on the
 * migration advisory lock outlasts a short budget and kubelet kill-loops it.
 */
export const probeKillsCheck: CheckFunction = ({ target, readings }) => {
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
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const workloads = [];
  for (const name of [names.server, names.worker]) {
    const d = findDeployment(name, k8s.deployments);
    if (!d) {
      findings.add('unknown', `Deployment ${name} not found`);
      continue;
    }
    const probe = d.spec?.template.spec?.containers?.[0]?.livenessProbe;
    const budget = probe ? livenessBudgetSeconds(probe) : undefined;
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
    const boots = pods
      .map(bootSeconds)
      .filter((b): b is number => b !== undefined);
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
      }`,
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
        )}, longer than the liveness budget of ${formatSeconds(budget)}`,
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
