import { DataSource } from '@internal/backstage-plugin-rollout-status-common';

/**
 * What one source answered in one poll: the data, or why there is none.
 * A failed reading still says which source it was and when it was tried,
 * so the checks built on it can say "unknown" with a reason.
 */
export type SourceReading<T> = {
  source: DataSource;
  /** When the data was read (ISO 8601); for snapshots, when it was recorded. */
  observedAt: string;
} & ({ ok: true; data: T } | { ok: false; reason: string });
