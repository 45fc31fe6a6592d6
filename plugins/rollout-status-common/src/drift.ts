import { Verdict } from './checks';
import { DataSource } from './status';

/** Who last wrote a field, as the API server records it in `metadata.managedFields`. */
export interface FieldWriter {
  manager: string;
  operation?: string;
  /** ISO 8601. */
  time?: string;
}

/** One field where what runs differs from what the Terraform declares. */
export interface DriftItem {
  targetId: string;
  stack: string;
  namespace: string;
  workload: string;
  criticalPath: boolean;
  /** e.g. `replicas`, `image (web)`, `livenessProbe (web)`. */
  field: string;
  declared: string;
  live: string;
  /**
   * `drift`: an apply would revert a live change (codify it or revert it);
   * `managed`: the Terraform hands the field to a live manager (Keel, an
   * autoscaler), so the difference is by design.
   */
  status: 'drift' | 'managed';
  /** Why it is managed (who, and the `ignore_changes` entry), for `managed`. */
  managedBy?: string;
  /** Who last wrote the live field, from managedFields, when the cluster records it. */
  changedBy?: FieldWriter;
  /** The `.tf` file and line to change. */
  file: string;
  line: number;
}

/**
 * How far the drift comparison of one target can be trusted: its verdict
 * (unknown with the reason when the cluster could not be read, the data is
 * stale or not polled yet), the age and the source of its data.
 */
export interface DriftTargetState {
  targetId: string;
  stack: string;
  namespace: string;
  /** The Deployments compared (Terraform names). */
  workloads: string[];
  verdict: Verdict;
  summary: string;
  observedAt: string;
  ageSeconds?: number;
  sources: DataSource[];
}

/** GET /api/rollout-status/drift: every item of every target, newest change first. */
export interface DriftListResponse {
  items: Array<DriftItem & { observedAt: string }>;
  /** Every target that compares declared and live, with the state of its data. */
  targets: DriftTargetState[];
}
