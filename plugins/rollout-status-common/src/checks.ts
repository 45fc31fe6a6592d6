import { RunbookRef } from '@internal/backstage-plugin-infra-common';

/**
 * The checks the rollout-status plugin runs for a target (authentik and its
 * PgBouncer). Each one watches for a failure mode from the post-mortems.
 */
export type CheckId =
  | 'replicas'
  | 'pdb'
  | 'rollout'
  | 'probe-kills'
  | 'version-pin'
  | 'pool'
  | 'lock-holders'
  | 'db-connections'
  | 'session-store'
  | 'authentik-ready'
  | 'forward-auth'
  | 'drift';

/**
 * `unknown` means the data needed was missing, stale or failed to load; it
 * always comes with a reason and never counts as healthy.
 */
export type Verdict = 'ok' | 'warn' | 'critical' | 'unknown';

/** Worst first: used to combine verdicts. */
export const VERDICT_SEVERITY: Record<Verdict, number> = {
  ok: 0,
  unknown: 1,
  warn: 2,
  critical: 3,
};

/** Where a check's data came from. */
export type SourceKind = 'kubernetes' | 'pgbouncer' | 'postgres' | 'http';

export interface CheckDefinition {
  id: CheckId;
  title: string;
  /** The question the check answers, shown under its title. */
  question: string;
  sources: SourceKind[];
  runbook: RunbookRef;
}

export const CHECKS: Record<CheckId, CheckDefinition> = {
  replicas: {
    id: 'replicas',
    title: 'Replicas',
    question:
      'Do server, worker and PgBouncer each have at least 3 ready pods on distinct nodes?',
    sources: ['kubernetes'],
    runbook: { page: 'runbooks/critical-path', anchor: 'three-replicas' },
  },
  pdb: {
    id: 'pdb',
    title: 'Disruption budgets',
    question:
      'Does each PDB keep at least 2 pods up while still letting a node drain proceed?',
    sources: ['kubernetes'],
    runbook: { page: 'runbooks/critical-path', anchor: 'node-drain' },
  },
  rollout: {
    id: 'rollout',
    title: 'Rollout progress',
    question: 'Has the last rollout converged, without ReplicaSet churn?',
    sources: ['kubernetes'],
    runbook: {
      page: 'runbooks/stuck-rollout',
      anchor: 'rollout-not-converging',
    },
  },
  'probe-kills': {
    id: 'probe-kills',
    title: 'Probe kills',
    question:
      'Are liveness probes killing pods, and is the liveness budget longer than a boot?',
    sources: ['kubernetes'],
    runbook: { page: 'runbooks/stuck-rollout', anchor: 'liveness-budget' },
  },
  'version-pin': {
    id: 'version-pin',
    title: 'Version pin',
    question:
      'Would an apply now change the running version (or downgrade it below the migrated database)?',
    sources: ['kubernetes', 'postgres'],
    runbook: {
      page: 'runbooks/helm-apply',
      anchor: 'compare-live-image-and-pin',
    },
  },
  pool: {
    id: 'pool',
    title: 'PgBouncer pool',
    question:
      'Are clients waiting for a server connection, and how full is the pool?',
    sources: ['pgbouncer'],
    runbook: { page: 'runbooks/pgbouncer-pool', anchor: 'reading-show-pools' },
  },
  'lock-holders': {
    id: 'lock-holders',
    title: 'Advisory lock holders',
    question:
      'Is a session idle in transaction holding an advisory lock that boots wait on?',
    sources: ['postgres'],
    runbook: {
      page: 'runbooks/stuck-rollout',
      anchor: 'idle-in-transaction-holders',
    },
  },
  'db-connections': {
    id: 'db-connections',
    title: 'Database connections',
    question: 'How close is each application to max_connections?',
    sources: ['postgres'],
    runbook: {
      page: 'runbooks/pgbouncer-pool',
      anchor: 'connections-per-application',
    },
  },
  'session-store': {
    id: 'session-store',
    title: 'Outpost session store',
    question: "How full is the embedded outpost's /dev/shm?",
    sources: ['kubernetes'],
    runbook: { page: 'runbooks/forward-auth-400', anchor: 'check-dev-shm' },
  },
  'authentik-ready': {
    id: 'authentik-ready',
    title: 'authentik readiness',
    question: 'Does authentik answer its readiness endpoint?',
    sources: ['http'],
    runbook: {
      page: 'runbooks/forward-auth-400',
      anchor: 'authentik-readiness',
    },
  },
  'forward-auth': {
    id: 'forward-auth',
    title: 'Forward-auth',
    question:
      'Does a cookie-less request to a protected host get a redirect to the login (not a 400)?',
    sources: ['http'],
    runbook: {
      page: 'runbooks/forward-auth-400',
      anchor: 'cookieless-request',
    },
  },
  drift: {
    id: 'drift',
    title: 'Declared vs live',
    question:
      'Does what runs match the Terraform, or would an apply revert a live change?',
    sources: ['kubernetes'],
    runbook: { page: 'runbooks/drift', anchor: 'codify-or-revert' },
  },
};

/** The checks the preflight verdict combines (is it safe to roll now?). */
export const PREFLIGHT_CHECKS: readonly CheckId[] = [
  'pdb',
  'rollout',
  'version-pin',
  'lock-holders',
];

export const PREFLIGHT_RUNBOOK: RunbookRef = {
  page: 'runbooks/helm-apply',
  anchor: 'preflight',
};
