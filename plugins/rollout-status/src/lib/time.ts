/**
 * Clock arithmetic for "12 s ago" labels and staleness. Pure functions so
 * the components can be tested against a fixed `now`.
 */

import { PAGE_REFRESH_INTERVAL_MS } from '@internal/backstage-plugin-rollout-status-common';

/** How often the page and the card ask the backend again. */
export const REFRESH_INTERVAL_MS = PAGE_REFRESH_INTERVAL_MS;

/**
 * Live data older than this is marked stale: three backend poll intervals
 * (30 s by default), the same default the backend uses to turn old results
 * into `unknown`. One slow poll does not flash a warning; a stuck poller does.
 */
export const DEFAULT_STALE_AFTER_MS = 90_000;

/** The subset of the app's ConfigApi needed here (kept small for tests). */
interface NumberConfig {
  getOptionalNumber(key: string): number | undefined;
}

/**
 * The stale limit, from the backend's own keys when the app exposes them to
 * the browser (`rolloutStatus.staleAfterSeconds`, else three times
 * `rolloutStatus.intervalSeconds`), so both ends agree; else the default.
 */
export function staleAfterMsFromConfig(config: NumberConfig): number {
  const staleAfter = config.getOptionalNumber(
    'rolloutStatus.staleAfterSeconds',
  );
  if (staleAfter !== undefined && staleAfter > 0) {
    return staleAfter * 1000;
  }
  const interval = config.getOptionalNumber('rolloutStatus.intervalSeconds');
  if (interval !== undefined && interval > 0) {
    return interval * 3 * 1000;
  }
  return DEFAULT_STALE_AFTER_MS;
}

/** Milliseconds between `iso` and `now`, or undefined if `iso` is not a time. */
export function ageMs(iso: string, now: number): number | undefined {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? undefined : now - then;
}

/** "12 s ago", "4 min ago", "3 h ago", "2 d ago". */
export function formatAge(ms: number): string {
  // A few seconds in the future is clock skew between browser and backend.
  if (ms < 0) {
    return ms > -5_000 ? 'just now' : 'in the future (clock skew?)';
  }
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) {
    return `${seconds} s ago`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ago`;
  }
  return `${Math.floor(hours / 24)} d ago`;
}

export function isStale(
  ms: number | undefined,
  staleAfterMs: number = DEFAULT_STALE_AFTER_MS,
): boolean {
  return ms === undefined || ms > staleAfterMs;
}

/** An absolute time for labels, in UTC so everyone reads the same thing. */
export function formatTimestamp(iso: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return 'unknown time';
  }
  return `${new Date(then).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}
