import { CheckFunction } from '../engine/types';
import { Findings, requireReadings, result, workloadNames } from './helpers';

const MiB = 1024 * 1024;

/**
 * Check 9: how full the embedded outpost's /dev/shm is. The outpost keeps a
 * session file there per cookie-less request; when the tmpfs is full every
 * new session fails with ENOSPC and forward-auth answers 400.
 */
export const sessionStoreCheck: CheckFunction = ({ target, readings }) => {
  const id = 'session-store';
  const got = requireReadings(
    id,
    { kubernetes: readings.kubernetes },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const k8s = got.data.kubernetes;
  const { shmWarnPercent, shmCriticalPercent } = target.thresholds;
  const findings = new Findings();
  const volumes = [];
  for (const usage of k8s.shmUsage) {
    if (usage.usedBytes === undefined || !usage.capacityBytes) {
      findings.add(
        'unknown',
        `${usage.pod}: no kubelet stats for volume ${usage.volume}${
          k8s.statsError ? ` (${k8s.statsError})` : ''
        }`,
      );
      continue;
    }
    const percent =
      Math.round((usage.usedBytes / usage.capacityBytes) * 1000) / 10;
    volumes.push({
      pod: usage.pod,
      node: usage.node,
      usedBytes: usage.usedBytes,
      capacityBytes: usage.capacityBytes,
      percent,
    });
    const text = `${usage.pod}: /dev/shm ${percent} % full (${Math.round(
      usage.usedBytes / MiB,
    )} of ${Math.round(usage.capacityBytes / MiB)} MiB)`;
    if (percent >= shmCriticalPercent) findings.add('critical', text);
    else if (percent >= shmWarnPercent) findings.add('warn', text);
    else findings.add('ok');
  }
  for (const pod of k8s.podsWithDefaultShm) {
    findings.add(
      'warn',
      `${pod}: no emptyDir at /dev/shm, so sessions go to the runtime's 64 MB default, which is invisible to kubelet stats and filled up in the 2026-04 incident`,
    );
  }
  if (!k8s.shmUsage.length && !k8s.podsWithDefaultShm.length) {
    findings.add(
      'unknown',
      `no pods of ${workloadNames(target).outpost} found`,
    );
  }
  return result({
    id,
    verdict: findings.verdict,
    summary: findings.summary(
      `Outpost /dev/shm below ${shmWarnPercent} % on every pod`,
    ),
    reasons: findings.reasons,
    evidence: volumes.map(v => ({
      label: v.pod,
      value: `${v.percent} % of ${Math.round(v.capacityBytes / MiB)} MiB`,
    })),
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: {
      warnPercent: shmWarnPercent,
      criticalPercent: shmCriticalPercent,
      volumes,
    },
  });
};
