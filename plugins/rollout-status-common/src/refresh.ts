/**
 * How often the rollout-status page and card ask the backend again: what
 * one viewer costs the backend, and what the deploy benchmark's viewers do.
 */
export const PAGE_REFRESH_INTERVAL_MS = 10_000;
