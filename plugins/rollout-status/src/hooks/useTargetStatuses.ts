import { useRef } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { TargetStatusWithAdditions } from '@internal/backstage-plugin-rollout-status-common';
import { rolloutStatusApiRef } from '../api/RolloutStatusApi';
import { REFRESH_INTERVAL_MS } from '../lib/time';
import { PolledState, usePolled } from './usePolled';

/** Each target's polled status, by target id. */
export type TargetStatuses = Record<
  string,
  PolledState<TargetStatusWithAdditions>
>;

/**
 * The status of every target, refreshed together every
 * {@link REFRESH_INTERVAL_MS}: one poll for the page, however many targets
 * the switcher lists. Each target keeps its own last value and error, so
 * one target that fails to load leaves the others as they were.
 */
export function useTargetStatuses(
  targetIds: string[],
  intervalMs: number = REFRESH_INTERVAL_MS,
): TargetStatuses {
  const api = useApi(rolloutStatusApiRef);
  const last = useRef<TargetStatuses>({});
  const key = targetIds.join('\n');
  const polled = usePolled(
    async () => {
      const results = await Promise.allSettled(
        targetIds.map(id => api.getTargetStatus(id)),
      );
      const next: TargetStatuses = {};
      results.forEach((result, i) => {
        const id = targetIds[i];
        next[id] =
          result.status === 'fulfilled'
            ? { loading: false, value: result.value, fetchedAt: Date.now() }
            : {
                ...last.current[id],
                loading: false,
                error:
                  result.reason instanceof Error
                    ? result.reason
                    : new Error(String(result.reason)),
              };
      });
      last.current = next;
      return next;
    },
    intervalMs,
    key,
  );
  return polled.value ?? {};
}
