import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { AdditionalCheckResult } from '@internal/backstage-plugin-rollout-status-common';
import { CheckInput } from './engine/types';

/**
 * A check contributed by another plugin. It sees the same readings as the
 * built-in checks and must not call outside systems itself (viewers never
 * trigger reads; the poller does).
 */
export interface RolloutStatusCheck {
  /** Unique id, e.g. `my-plugin.redis-memory`. */
  id: string;
  title: string;
  evaluate(input: CheckInput): Omit<AdditionalCheckResult, 'id' | 'title'>;
}

/** Lets backend modules add checks to every rollout-status target. */
export interface RolloutStatusChecksExtensionPoint {
  addCheck(check: RolloutStatusCheck): void;
}

/**
 * Extension point for adding checks, e.g. from a
 * `createBackendModule({ pluginId: 'rollout-status', ... })`.
 */
export const rolloutStatusChecksExtensionPoint =
  createExtensionPoint<RolloutStatusChecksExtensionPoint>({
    id: 'rollout-status.checks',
  });
