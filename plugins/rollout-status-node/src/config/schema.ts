import { z } from 'zod';
import { DEFAULT_HELM_RELEASE } from '../sources/kubernetes/defaults';

/** Defaults for every threshold; documented in the backend README. */
export const DEFAULT_THRESHOLDS = {
  minReplicas: 3,
  minAvailable: 2,
  restartWindowMinutes: 60,
  shmWarnPercent: 80,
  shmCriticalPercent: 95,
  idleInTransactionSeconds: 60,
  connectionsWarnPercent: 80,
  connectionsCriticalPercent: 95,
  poolWarnPercent: 90,
};

export type Thresholds = typeof DEFAULT_THRESHOLDS;

const percent = z.number().min(0).max(100);

const thresholdsSchema = z
  .object({
    minReplicas: z.number().int().min(1),
    minAvailable: z.number().int().min(1),
    restartWindowMinutes: z.number().positive(),
    shmWarnPercent: percent,
    shmCriticalPercent: percent,
    idleInTransactionSeconds: z.number().positive(),
    connectionsWarnPercent: percent,
    connectionsCriticalPercent: percent,
    poolWarnPercent: percent,
  })
  .partial()
  .strict();

const kubernetesSchema = z
  .object({
    clusterName: z.string().min(1).optional(),
    url: z.string().url().optional(),
    token: z.string().min(1).optional(),
    caData: z.string().optional(),
    skipTLSVerify: z.boolean().optional(),
    namespace: z.string().min(1).default('authentik'),
    helmRelease: z.string().min(1).default(DEFAULT_HELM_RELEASE),
    workloads: z
      .object({
        server: z.string().min(1).default('goauthentik-server'),
        worker: z.string().min(1).default('goauthentik-worker'),
        pgbouncer: z.string().min(1).default('pgbouncer'),
        outpost: z
          .string()
          .min(1)
          .default('ak-outpost-authentik-embedded-outpost'),
      })
      .strict()
      .default({
        server: 'goauthentik-server',
        worker: 'goauthentik-worker',
        pgbouncer: 'pgbouncer',
        outpost: 'ak-outpost-authentik-embedded-outpost',
      }),
  })
  .strict()
  .refine(k => Boolean(k.url) !== Boolean(k.clusterName), {
    message:
      'set exactly one of `url` (with `token`) or `clusterName` (an entry of kubernetes.clusterLocatorMethods[].clusters[])',
  });

const pgbouncerSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(6432),
    user: z.string().min(1),
    password: z.string().min(1),
    database: z.string().min(1).default('authentik'),
  })
  .strict();

const postgresSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(5432),
    user: z.string().min(1),
    password: z.string().min(1),
    database: z.string().min(1).default('authentik'),
  })
  .strict();

/**
 * A probe URL is shown on every status and written to logs, so it must not
 * carry credentials (`http://user:pass@host/`): refuse it at config load.
 */
const probeUrl = z
  .string()
  .url()
  .refine(
    url => {
      const parsed = new URL(url);
      return !parsed.username && !parsed.password;
    },
    {
      message:
        'the URL carries credentials (user:password@); probe URLs are shown to every user and logged, so remove them from the URL (probes send no credentials)',
    },
  );

const httpSchema = z
  .object({
    readyUrl: probeUrl.optional(),
    forwardAuthUrl: probeUrl.optional(),
    loginLocationContains: z
      .string()
      .min(1)
      .default('/outpost.goauthentik.io/'),
  })
  .strict();

const targetSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]*$/,
        'use lower-case letters, digits and dashes',
      ),
    title: z.string().min(1),
    entityRefs: z.array(z.string().min(1)).default([]),
    snapshot: z.string().min(1).optional(),
    kubernetes: kubernetesSchema.optional(),
    pgbouncer: pgbouncerSchema.optional(),
    postgres: postgresSchema.optional(),
    http: httpSchema.optional(),
    thresholds: thresholdsSchema.optional(),
  })
  .strict();

/** Targets derived from the infra model: where the infra repo is and which cluster runs it. */
const deriveSchema = z
  .object({
    infraPath: z.string().min(1),
    clusterName: z.string().min(1).optional(),
    url: z.string().url().optional(),
    token: z.string().min(1).optional(),
    caData: z.string().optional(),
    skipTLSVerify: z.boolean().optional(),
    /** Shown on every derived target's sources, e.g. "simulated cluster". */
    label: z.string().min(1).optional(),
    criticalPath: z.array(z.string().min(1)).optional(),
    excludeStacks: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine(k => Boolean(k.url) !== Boolean(k.clusterName), {
    message:
      'set exactly one of `url` (with `token`) or `clusterName` (an entry of kubernetes.clusterLocatorMethods[].clusters[])',
  });

/** The bundled simulated cluster (development only): see src/simulated. */
const simulatedClusterSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** A live-changes YAML file, relative to the backend's folder. */
    liveChanges: z.string().min(1).optional(),
  })
  .strict();

export const rolloutStatusConfigSchema = z
  .object({
    derive: deriveSchema.optional(),
    simulatedCluster: simulatedClusterSchema.optional(),
    deadlineMs: z.number().int().positive().default(3000),
    intervalSeconds: z.number().positive().default(30),
    staleAfterSeconds: z.number().positive().optional(),
    targets: z.array(targetSchema).default([]),
  })
  .strict();

export type DeriveConfig = z.infer<typeof deriveSchema>;
export type SimulatedClusterConfig = z.infer<typeof simulatedClusterSchema>;
export type RawTargetConfig = z.infer<typeof targetSchema>;
export type KubernetesSourceConfig = z.infer<typeof kubernetesSchema>;
export type PgBouncerSourceConfig = z.infer<typeof pgbouncerSchema>;
export type PostgresSourceConfig = z.infer<typeof postgresSchema>;
export type HttpSourceConfig = z.infer<typeof httpSchema>;
