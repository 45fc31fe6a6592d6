/** `spec.type` values of the entities the infra provider emits. */
export const INFRA_ENTITY_TYPES = {
  /** Component: a Deployment or StatefulSet (or a Helm-deployed workload). */
  service: 'service',
  /** Component: a CronJob. */
  cronJob: 'cronjob',
  /** Resource: one `ingress_factory` call. */
  ingress: 'ingress',
  /** Resource: a PodDisruptionBudget. */
  podDisruptionBudget: 'pod-disruption-budget',
  /** Resource: a PgBouncer (or other) connection pooler. */
  connectionPooler: 'connection-pooler',
  /** Resource: a database (CNPG cluster, per-app database, MySQL). */
  database: 'database',
} as const;
