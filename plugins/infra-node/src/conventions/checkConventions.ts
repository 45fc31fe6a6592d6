import type { FindingSeverity } from '@internal/backstage-plugin-infra-common';
import type { InfraFile } from '../files';
import type { InfraModel } from '../model/types';
import { createRuleContext } from './context';
import { matchesResource } from './matchResource';
import { ConventionPolicy, DEFAULT_CONVENTION_POLICY } from './policy';
import { CONVENTION_RULES } from './rules';
import type {
  ConventionAllowed,
  ConventionFinding,
  ConventionReport,
  RuleHit,
} from './types';

export interface EvaluateConventionsOptions {
  /**
   * The files the model was built from. With them the auth-comment rule
   * judges every `auth = "app"|"none"` line exactly as the infra's own guard
   * does; without them it reads the comments the model kept.
   */
  files?: ReadonlyArray<InfraFile>;
  /** Default: {@link DEFAULT_CONVENTION_POLICY} (the seeds' conventions). */
  policy?: ConventionPolicy;
}

function byPosition(
  a: { file: string; line: number },
  b: { file: string; line: number },
) {
  // Code-unit order, not localeCompare: paths sort the same on every
  // machine, and collation would cost more than the rules themselves.
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

/**
 * Checks the infra's conventions on a model. Independent of the catalog:
 * the scaffolder runs it on generated stacks, the catalog puts the findings
 * on entities. Each rule lives in `rules/` and is documented in the
 * portal's runbooks (`FINDING_RULES[rule].runbook`).
 *
 * The policy decides what becomes of what a rule found: a disabled rule says
 * nothing; a violation takes the rule's severity or the policy's; a note is
 * always `info`; a hit an allow entry matches (or that a critical-path
 * entry's own minimum allows) goes to `allowed` with the entry's reason.
 */
export function evaluateConventions(
  model: InfraModel,
  options: EvaluateConventionsOptions = {},
): ConventionReport {
  const policy = options.policy ?? DEFAULT_CONVENTION_POLICY;
  const ctx = createRuleContext(model, policy, options.files);
  const findings: ConventionFinding[] = [];
  const allowed: ConventionAllowed[] = [];
  for (const rule of CONVENTION_RULES) {
    const settings = policy.rules[rule.id];
    if (settings && !settings.enabled) continue;
    const severity: FindingSeverity = settings?.severity ?? rule.severity;
    for (const hit of rule.check(ctx)) {
      const reason = allowReason(policy, rule.id, hit);
      const at = { file: hit.at.file, line: hit.at.line };
      if (reason !== undefined) {
        allowed.push({
          rule: rule.id,
          subject: hit.subject,
          message: hit.message,
          reason,
          ...at,
        });
        continue;
      }
      findings.push({
        rule: rule.id,
        severity: hit.kind === 'note' ? 'info' : severity,
        subject: hit.subject,
        message: hit.message,
        fix: hit.fix,
        ...at,
      });
    }
  }
  return {
    findings: findings.sort(byPosition),
    allowed: allowed.sort(byPosition),
  };
}

function allowReason(
  policy: ConventionPolicy,
  rule: string,
  hit: RuleHit,
): string | undefined {
  if (hit.allowedBecause !== undefined) return hit.allowedBecause;
  const entry = policy.allow.find(
    e =>
      e.rule === rule &&
      (e.container === undefined || e.container === hit.target.container) &&
      matchesResource(e, hit.target),
  );
  return entry?.reason;
}

/**
 * The findings of {@link evaluateConventions}, for callers that do not show
 * allowed exceptions. `checkConventions(model)` keeps working as before.
 */
export function checkConventions(
  model: InfraModel,
  files?: ReadonlyArray<InfraFile>,
  policy?: ConventionPolicy,
): ConventionFinding[] {
  return evaluateConventions(model, { files, policy }).findings;
}

// The package index imports these from here; `./index.ts` is the full API.
export { effectiveMinAvailable } from './pdbBudget';
export type { ConventionFinding } from './types';
