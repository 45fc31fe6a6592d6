/** Deployment names of the homelab's authentik stack (override in config). */
export const DEFAULT_WORKLOADS = {
  server: 'goauthentik-server',
  worker: 'goauthentik-worker',
  pgbouncer: 'pgbouncer',
  outpost: 'ak-outpost-authentik-embedded-outpost',
};

/** Helm release of authentik, as the infra's Terraform names it (helm_release name). */
export const DEFAULT_HELM_RELEASE = 'goauthentik';
