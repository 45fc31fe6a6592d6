import { CheckId, SourceKind, Verdict } from './checks';

/** One fact a verdict rests on, shown as label and value. */
export interface Evidence {
  label: string;
  value: string;
}

/** Where the data behind a check came from, and whether it is live. */
export interface DataSource {
  kind: SourceKind;
  /** What was asked, without credentials, e.g. `pgbouncer 10.0.0.5:6432`. */
  name: string;
  /** `snapshot` data is recorded, never live; the UI labels it so. */
  mode: 'live' | 'snapshot';
  /** For snapshots: the file it was read from. */
  file?: string;
}

export interface CheckResult {
  id: CheckId;
  verdict: Verdict;
  /** One sentence: what was found. For `unknown`, the reason. */
  summary: string;
  /** Extra reasons behind a warn/critical/unknown verdict. */
  reasons: string[];
  evidence: Evidence[];
  sources: DataSource[];
  /** When the underlying data was read (ISO 8601). */
  observedAt: string;
  /**
   * Seconds between `observedAt` and the response, computed when the
   * backend answers (additive; absent from CLI output).
   */
  ageSeconds?: number;
  /**
   * Check-specific data for pictures (e.g. pods by ReplicaSet, pool use vs
   * size). Shape documented per check id in the backend README.
   */
  data?: Record<string, unknown>;
}

export interface PreflightResult {
  verdict: Verdict;
  /** True only when every preflight check is `ok`. Unknown is not safe. */
  safeToApply: boolean;
  reasons: string[];
  basedOn: CheckId[];
}

/** GET /api/rollout-status/targets/:targetId/status */
export interface TargetStatus {
  targetId: string;
  title: string;
  mode: 'live' | 'snapshot';
  /** Set when `mode` is `snapshot`. */
  snapshot?: { file: string; recordedAt: string; scenario: string };
  /** When this status was assembled (ISO 8601). */
  generatedAt: string;
  preflight: PreflightResult;
  checks: CheckResult[];
}

/** GET /api/rollout-status/targets */
export interface TargetSummary {
  targetId: string;
  title: string;
  mode: 'live' | 'snapshot';
  /** Entity refs whose pages show this target's card. */
  entityRefs: string[];
}

export interface TargetListResponse {
  targets: TargetSummary[];
}

/**
 * A check contributed by another plugin through the rollout-status-node
 * extension point (additive to the contract: not part of the preflight).
 */
export interface AdditionalCheckResult extends Omit<CheckResult, 'id'> {
  id: string;
  title: string;
}

/** TargetStatus with the checks other plugins added (additive field). */
export interface TargetStatusWithAdditions extends TargetStatus {
  additionalChecks?: AdditionalCheckResult[];
}
