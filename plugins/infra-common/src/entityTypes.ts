/** `spec.type` values of the entities the infra provider emits. */
export const INFRA_ENTITY_TYPES = {
  /** Component: a Deployment or StatefulSet (or a Helm-deployed workload). */
  service: 'service',
  /** Component: a DaemonSet (one pod per node). */
  daemonSet: 'daemon-set',
  /** Component: a Job (e.g. database initialisation). */
  job: 'job',
  /** Component: a CronJob. */
  cronJob: 'cronjob',
  /** Resource: one `ingress_factory` call or plain `kubernetes_ingress_v1`. */
  ingress: 'ingress',
  /** Resource: a PodDisruptionBudget. */
  podDisruptionBudget: 'pod-disruption-budget',
  /** Resource: a PgBouncer (or other) connection pooler. */
  connectionPooler: 'connection-pooler',
  /** Resource: a database server or one database on it. */
  database: 'database',
  /** Resource: one `helm_release`, whatever the chart. */
  helmRelease: 'helm-release',
} as const;
