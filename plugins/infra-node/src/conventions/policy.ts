import type {
  FindingRuleId,
  FindingSeverity,
} from '@internal/backstage-plugin-infra-common';

/**
 * Which model objects a policy entry is about. Every field that is given must
 * match; an entry names at least one of them (the reader refuses an entry
 * that would match everything: turn the rule off instead).
 */
export interface ResourceMatch {
  /** Stack name (its folder under `stacks/`), exact. */
  stack?: string;
  /**
   * Terraform address, exact: as declared (`kubernetes_deployment.worker`,
   * `helm_release.auth`) or of one instance
   * (`module.app["web"].kubernetes_deployment.this`). An ingress's address is
   * `module.<call name>`.
   */
  address?: string;
  /**
   * Tested against the object's name: a workload's or cron job's Kubernetes
   * name, an ingress's host. Not anchored: write `^worker$` for an exact name.
   */
  name?: RegExp;
}

/** Per-rule switches. */
export interface RulePolicy {
  /** False skips the rule entirely (no findings, no notes). */
  enabled: boolean;
  /**
   * Severity of the rule's violations. Notes (`info`: something could not be
   * judged) stay `info` whatever this says.
   */
  severity?: FindingSeverity;
}

/** One resource allowed to break one rule, with the reason shown on its entity. */
export interface AllowEntry extends ResourceMatch {
  rule: FindingRuleId;
  /** For resource rules: only this container (by name); every container when absent. */
  container?: string;
  /** Why, in a sentence; shown as "allowed: <reason>". Required. */
  reason: string;
}

/**
 * Critical-path membership and minimums for some workloads, overriding what
 * the model marked (by name) and the policy's defaults. The first entry that
 * matches a workload applies.
 */
export interface CriticalPathEntry extends ResourceMatch {
  /** False takes a workload off the critical path; true (the default) puts it on. */
  member?: boolean;
  /** Replicas this workload must run at least. */
  minReplicas?: number;
  /** Pods its PDB must keep during a drain at least. */
  minPdbAvailable?: number;
  /** Why it differs from the defaults (shown with the allowed record). Required. */
  reason: string;
}

export interface CriticalPathPolicy {
  /** Replicas every critical-path workload runs at least (the seeds: 3). */
  minReplicas: number;
  /** Pods a critical-path workload's PDB keeps during a drain at least (the seeds: 2). */
  minPdbAvailable: number;
  workloads: CriticalPathEntry[];
}

/**
 * How the conventions are checked: which rules run and how severe they are,
 * which resources are allowed to break which rule and why, the critical
 * path's minimums, and the namespace tiers where Burstable memory is the
 * intended policy. {@link DEFAULT_CONVENTION_POLICY} holds the seeds'
 * conventions.
 */
export interface ConventionPolicy {
  rules: Partial<Record<FindingRuleId, RulePolicy>>;
  allow: AllowEntry[];
  criticalPath: CriticalPathPolicy;
  /**
   * Namespace tiers (the namespace's `tier` label) whose workloads run
   * Burstable memory on purpose: request below limit is fine there.
   */
  burstableTiers: string[];
}

/** The seeds' conventions: every rule on at its own severity, no exception. */
export const DEFAULT_CONVENTION_POLICY: ConventionPolicy = {
  rules: {},
  allow: [],
  criticalPath: { minReplicas: 3, minPdbAvailable: 2, workloads: [] },
  burstableTiers: ['3-edge', '4-aux'],
};

/** A policy from the defaults and the parts given (the scaffolder and tests). */
export function conventionPolicy(
  overrides: Partial<
    Omit<ConventionPolicy, 'criticalPath'> & {
      criticalPath: Partial<CriticalPathPolicy>;
    }
  > = {},
): ConventionPolicy {
  const d = DEFAULT_CONVENTION_POLICY;
  return {
    rules: { ...d.rules, ...overrides.rules },
    allow: overrides.allow ?? d.allow,
    criticalPath: { ...d.criticalPath, ...overrides.criticalPath },
    burstableTiers: overrides.burstableTiers ?? d.burstableTiers,
  };
}
