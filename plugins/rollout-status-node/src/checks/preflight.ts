import {
  CheckId,
  CHECKS,
  CheckResult,
  PREFLIGHT_CHECKS,
  PreflightResult,
} from '@internal/backstage-plugin-rollout-status-common';
import { worst } from './helpers';

/**
 * Check 11: is it safe to roll authentik now? Safe only when every preflight
 * check (PDBs, rollout, version pin, lock holders) is ok: unknown is unsafe.
 */
export function preflight(
  checks: CheckResult[],
  basedOn: readonly CheckId[] = PREFLIGHT_CHECKS,
): PreflightResult {
  const reasons: string[] = [];
  const verdicts = basedOn.map(id => {
    const check = checks.find(c => c.id === id);
    if (!check) {
      reasons.push(`${CHECKS[id].title}: not evaluated`);
      return 'unknown' as const;
    }
    if (check.verdict !== 'ok')
      reasons.push(`${CHECKS[id].title}: ${check.summary}`);
    return check.verdict;
  });
  const verdict = worst(verdicts);
  return {
    verdict,
    safeToApply: verdict === 'ok',
    reasons,
    basedOn: [...basedOn],
  };
}
