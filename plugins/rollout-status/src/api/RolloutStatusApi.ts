import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  DriftListResponse,
  TargetListResponse,
  TargetStatusWithAdditions,
} from '@internal/backstage-plugin-rollout-status-common';

/** Reads what the rollout-status backend knows about its targets. */
export interface RolloutStatusApi {
  /** The targets the backend watches, with the entity refs each belongs to. */
  getTargets(): Promise<TargetListResponse>;
  /**
   * The latest checks and preflight verdict for one target, with any checks
   * other plugins added (never part of the preflight).
   */
  getTargetStatus(targetId: string): Promise<TargetStatusWithAdditions>;
  /** Every drift item, newest live change first, and each target's data state. */
  getDrift(): Promise<DriftListResponse>;
}

export const rolloutStatusApiRef = createApiRef<RolloutStatusApi>().with({
  id: 'plugin.rollout-status.client',
  pluginId: 'rollout-status',
});
