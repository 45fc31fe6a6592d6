import {
  AdditionalCheckResult,
  CheckId,
  CheckResult,
  TargetStatusWithAdditions,
} from '@internal/backstage-plugin-rollout-status-common';
import { assertError } from '@backstage/errors';
import { TargetConfig } from '../config/readRolloutStatusConfig';
import { BUILT_IN_CHECKS, preflight } from '../checks';
import { RolloutStatusCheck } from '../extensions';
import { BootHistory } from '../checks/bootTime';
import { applicableChecks } from './applicableChecks';
import { TargetReadings } from './types';

/**
 * Runs every check on one poll's readings and assembles the status. Pure:
 * the same readings always give the same status (given `generatedAt`).
 */
export function evaluateTarget(
  target: TargetConfig,
  readings: TargetReadings,
  options: {
    additionalChecks?: RolloutStatusCheck[];
    generatedAt?: Date;
    bootHistory?: BootHistory;
  } = {},
): TargetStatusWithAdditions {
  const input = { target, readings, bootHistory: options.bootHistory };
  const applicable = applicableChecks(
    target,
    readings,
    Object.keys(BUILT_IN_CHECKS) as CheckId[],
  );
  const checks: CheckResult[] = applicable.checks.map(id =>
    BUILT_IN_CHECKS[id](input),
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
    preflight: preflight(checks, applicable.preflight),
    checks,
    ...(additionalChecks.length ? { additionalChecks } : {}),
  };
}
