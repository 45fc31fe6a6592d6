import {
  CHECKS,
  CheckId,
  CheckResult,
  TargetStatusWithAdditions,
} from '@internal/backstage-plugin-rollout-status-common';
import {
  TargetConfig,
  preflight,
} from '@internal/backstage-plugin-rollout-status-node';

/**
 * The status when the cache holds no poll result: before the first poll
 * finished, or when this replica cannot read the cache (the cache client
 * turns a Redis error into a miss, so the two look the same here). Every
 * check unknown, never green.
 */
export function pendingStatus(
  target: TargetConfig,
  now: Date,
): TargetStatusWithAdditions {
  const checks: CheckResult[] = (Object.keys(CHECKS) as CheckId[]).map(id => ({
    id,
    verdict: 'unknown',
    summary:
      'No data yet: no poll result in the shared cache (the first poll has not completed, or this replica cannot read the cache)',
    reasons: ['not polled yet'],
    evidence: [],
    sources: [],
    observedAt: now.toISOString(),
  }));
  return {
    targetId: target.id,
    title: target.title,
    mode: target.snapshot ? 'snapshot' : 'live',
    generatedAt: now.toISOString(),
    preflight: preflight(checks),
    checks,
  };
}

/**
 * Ages a cached status at response time: every check gets `ageSeconds`, and
 * live checks older than `staleAfterSeconds` become unknown ("stale"), so a
 * poller that stopped can never leave a green page behind. Snapshot data is
 * old by nature and labelled as a snapshot, so it is aged but not staled.
 */
export function ageStatus(
  status: TargetStatusWithAdditions,
  options: { now: Date; staleAfterSeconds: number },
): TargetStatusWithAdditions {
  const nowMs = options.now.getTime();
  const age = (check: { observedAt: string }) =>
    Math.max(0, Math.round((nowMs - Date.parse(check.observedAt)) / 1000));
  const checks = status.checks.map(check => {
    const ageSeconds = age(check);
    if (
      status.mode === 'live' &&
      ageSeconds > options.staleAfterSeconds &&
      check.verdict !== 'unknown'
    ) {
      return {
        ...check,
        ageSeconds,
        verdict: 'unknown' as const,
        summary: `stale: data is ${ageSeconds} s old (was ${check.verdict}: ${check.summary})`,
        reasons: ['stale', ...check.reasons],
      };
    }
    return { ...check, ageSeconds };
  });
  return {
    ...status,
    checks,
    preflight: preflight(checks),
    additionalChecks: status.additionalChecks?.map(check => ({
      ...check,
      ageSeconds: age(check),
    })),
  };
}
