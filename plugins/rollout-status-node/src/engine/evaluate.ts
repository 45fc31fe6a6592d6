import {
  AdditionalCheckResult,
  CheckResult,
  TargetStatusWithAdditions,
} from '@internal/backstage-plugin-rollout-status-common';
import { assertError } from '@backstage/errors';
import { TargetConfig } from '../config/readRolloutStatusConfig';
import { BUILT_IN_CHECKS, preflight } from '../checks';
import { RolloutStatusCheck } from '../extensions';
import { TargetReadings } from './types';

/**
 * Runs every check on one poll's readings and assembles the status. Pure:
 * the same readings always give the same status (given `generatedAt`).
 */
export function evaluateTarget(
  target: TargetConfig,
  readings: TargetReadings,
  options: { additionalChecks?: RolloutStatusCheck[]; generatedAt?: Date } = {},
): TargetStatusWithAdditions {
  const input = { target, readings };
  const checks: CheckResult[] = Object.values(BUILT_IN_CHECKS).map(check =>
    check(input),
  );
  const additionalChecks = (options.additionalChecks ?? []).map(
    (extra): AdditionalCheckResult => {
      try {
        return { ...extra.evaluate(input), id: extra.id, title: extra.title };
      } catch (error) {
        // A contributed check that throws becomes unknown with its error, so
        // one plugin's bug cannot hide the built-in checks.
        assertError(error);
        return {
          id: extra.id,
          title: extra.title,
          verdict: 'unknown',
          summary: `The check failed: ${error.message}`,
          reasons: [error.message],
          evidence: [],
          sources: [],
          observedAt: new Date(readings.evaluatedAt).toISOString(),
        };
      }
    },
  );
  return {
    targetId: target.id,
    title: target.title,
    mode: readings.mode,
    snapshot: readings.snapshot,
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    preflight: preflight(checks),
    checks,
    ...(additionalChecks.length ? { additionalChecks } : {}),
  };
}
