import { RunbookRef } from './runbooks';

/**
 * Conventions of the infra that the portal checks in Terraform source. The
 * catalog reports them on entities; the scaffolder refuses to publish a
 * stack that breaks one. Each rule's runbook section says what it checks,
 * why, how to fix it and how to allow an exception; its anchor is stable.
 */
export type FindingRuleId =
  | 'critical-path-replicas'
  | 'critical-path-pdb'
  | 'auth-justification'
  | 'kyverno-lifecycle'
  | 'memory-request-equals-limit'
  | 'no-cpu-limit'
  | 'rwo-recreate-strategy'
  | 'parse-error';

export interface FindingRule {
  id: FindingRuleId;
  title: string;
  runbook: RunbookRef;
}

export const FINDING_RULES: Record<FindingRuleId, FindingRule> = {
  'critical-path-replicas': {
    id: 'critical-path-replicas',
    title: 'Critical-path service runs fewer than 3 replicas',
    runbook: { page: 'runbooks/critical-path', anchor: 'three-replicas' },
  },
  'critical-path-pdb': {
    id: 'critical-path-pdb',
    title: 'Critical-path service lacks a PDB with minAvailable of at least 2',
    runbook: { page: 'runbooks/critical-path', anchor: 'pdb-min-available' },
  },
  'auth-justification': {
    id: 'auth-justification',
    title: 'auth = "app" or "none" without the justification comment',
    runbook: { page: 'runbooks/auth-tiers', anchor: 'justification-comment' },
  },
  'kyverno-lifecycle': {
    id: 'kyverno-lifecycle',
    title: 'Workload without the KYVERNO_LIFECYCLE_V1 ignore_changes',
    runbook: { page: 'runbooks/conventions', anchor: 'kyverno-lifecycle' },
  },
  'memory-request-equals-limit': {
    id: 'memory-request-equals-limit',
    title: 'Memory request differs from limit outside the Burstable tiers',
    runbook: {
      page: 'runbooks/conventions',
      anchor: 'memory-requests-equal-limits',
    },
  },
  'no-cpu-limit': {
    id: 'no-cpu-limit',
    title: 'CPU limit set',
    runbook: { page: 'runbooks/conventions', anchor: 'no-cpu-limits' },
  },
  'rwo-recreate-strategy': {
    id: 'rwo-recreate-strategy',
    title: 'ReadWriteOnce volume with a RollingUpdate strategy',
    runbook: { page: 'runbooks/conventions', anchor: 'recreate-for-rwo' },
  },
  'parse-error': {
    id: 'parse-error',
    title: 'Terraform file does not parse',
    runbook: { page: 'runbooks/conventions', anchor: 'parse-errors' },
  },
};

/**
 * `error` and `warning` are broken conventions. `info` is a note that needs
 * no change to pass: something could not be judged (a namespace tier that is
 * not known), or the intent is there in another form than the enforced one
 * (an auth reason written as a trailing comment).
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** One convention violation, located in the source. */
export interface InfraFinding {
  rule: FindingRuleId;
  severity: FindingSeverity;
  /** What is wrong, in a sentence that names the resource. */
  message: string;
  /** What to change, in a sentence. */
  fix: string;
  /** Repo-relative path, e.g. `stacks/immich/main.tf`. */
  file: string;
  /** 1-based line. */
  line: number;
}

/**
 * A finding that a policy entry allows on purpose: shown on the entity as
 * "allowed: <reason>" instead of as a finding.
 */
export interface InfraAllowedFinding {
  rule: FindingRuleId;
  /** What would have been reported. */
  message: string;
  /** Why it is allowed, as the policy entry says. */
  reason: string;
  file: string;
  line: number;
}
