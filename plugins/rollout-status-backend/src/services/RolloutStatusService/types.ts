import {
  DriftListResponse,
  TargetListResponse,
  TargetStatusWithAdditions,
} from '@internal/backstage-plugin-rollout-status-common';

export interface RolloutStatusService {
  /** Targets, optionally only those shown on an entity's page. */
  listTargets(filter?: { entityRef?: string }): TargetListResponse;
  /**
   * The last polled status of a target, aged at call time (stale checks
   * turned unknown). Never reads upstream. Throws NotFoundError.
   */
  getStatus(targetId: string): Promise<TargetStatusWithAdditions>;
  /** Every drift item of every target, newest live change first (from the cache). */
  listDrift(): Promise<DriftListResponse>;
}
