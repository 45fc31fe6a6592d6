/** Deployment names of the homelab's authentik stack (override in config). */
export const DEFAULT_WORKLOADS = {
  server: 'goauthentik-server',
  worker: 'goauthentik-worker',
  pgbouncer: 'pgbouncer',
  outpost: 'ak-outpost-authentik-embedded-outpost',
};
