import type {
  FindingRuleId,
  FindingSeverity,
  InfraAllowedFinding,
  InfraFinding,
} from '@internal/backstage-plugin-infra-common';
import type { InfraFile } from '../files';
import type {
  InfraModel,
  IngressModel,
  PvcModel,
  SourcePos,
  Val,
  WorkloadModel,
} from '../model/types';
import type { ConventionPolicy, CriticalPathEntry } from './policy';

/** A finding with the model object it is about (a workload, ingress or stack id). */
export interface ConventionFinding extends InfraFinding {
  /** `id` of the workload, cron job or ingress; `stack:<name>` for stack-level findings. */
  subject: string;
}

/** An allowed exception, with the model object it is about (as in {@link ConventionFinding}). */
export interface ConventionAllowed extends InfraAllowedFinding {
  subject: string;
}

/** What checking the conventions found: findings, and what a policy allowed on purpose. */
export interface ConventionReport {
  /** Ordered by file and line. */
  findings: ConventionFinding[];
  /** Ordered by file and line. */
  allowed: ConventionAllowed[];
}

/** What a policy entry is matched against. */
export interface HitTarget {
  stack?: string;
  /** The declared Terraform address and the instance's, when they differ. */
  addresses: string[];
  /** The Kubernetes name (workloads, cron jobs) or the host (ingresses). */
  name?: string;
  container?: string;
}

/** One thing a rule has to say, before the policy decides what becomes of it. */
export interface RuleHit {
  subject: string;
  /**
   * `violation`: the rule is broken (its severity applies, the policy may
   * change it). `note`: nothing to fix, something to know (always `info`).
   */
  kind: 'violation' | 'note';
  message: string;
  fix: string;
  at: SourcePos;
  target: HitTarget;
  /**
   * Set by a rule whose own policy settings allow the hit (a critical-path
   * workload's lower minimum): the reason given for that setting.
   */
  allowedBecause?: string;
}

/** One convention, checked on the whole model. */
export interface ConventionRule {
  id: FindingRuleId;
  /** Severity of a violation unless the policy says otherwise. */
  severity: FindingSeverity;
  check(ctx: RuleContext): RuleHit[];
}

/** A PodDisruptionBudget's settings, from a PDB resource or a chart's values. */
export interface PdbBudget {
  minAvailable?: Val<number | string>;
  maxUnavailable?: Val<number | string>;
  source: SourcePos;
}

/** What the critical path asks of one workload. */
export interface CriticalPathRequirement {
  minReplicas: number;
  minPdbAvailable: number;
  /** The policy entry that set these, when one did. */
  entry?: CriticalPathEntry;
}

/** What every rule may look at: the model, the raw files, the policy and a few indexes. */
export interface RuleContext {
  model: InfraModel;
  /** The files the model was built from, when the caller has them (exact auth-comment parity needs them). */
  files?: ReadonlyArray<InfraFile>;
  policy: ConventionPolicy;
  /** PDBs that select the workload's pods, and the budget its chart values declare. */
  pdbsOf(workload: WorkloadModel): PdbBudget[];
  /** Claims by `metadata.name`, across stacks. */
  pvcsNamed(name: string): PvcModel[];
  /** Ingresses whose `auth` argument is written at that line. */
  ingressesAt(file: string, line: number): IngressModel[];
  /** Stack a repo-relative file belongs to. */
  stackOfFile(file: string): string | undefined;
  /** Undefined when the workload is not on the critical path. */
  criticalPathOf(workload: WorkloadModel): CriticalPathRequirement | undefined;
}
