import { useApi } from '@backstage/frontend-plugin-api';
import { TargetStatusWithAdditions } from '@internal/backstage-plugin-rollout-status-common';
import { rolloutStatusApiRef } from '../api/RolloutStatusApi';
import { REFRESH_INTERVAL_MS } from '../lib/time';
import { PolledState, usePolled } from './usePolled';

/** One target's status, refreshed every {@link REFRESH_INTERVAL_MS}. */
export function useTargetStatus(
  targetId: string,
  intervalMs: number = REFRESH_INTERVAL_MS,
): PolledState<TargetStatusWithAdditions> {
  const api = useApi(rolloutStatusApiRef);
  return usePolled(() => api.getTargetStatus(targetId), intervalMs, targetId);
}
