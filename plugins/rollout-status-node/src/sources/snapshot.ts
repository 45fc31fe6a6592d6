import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assertError, InputError } from '@backstage/errors';
import {
  DataSource,
  SourceKind,
} from '@internal/backstage-plugin-rollout-status-common';
import { z } from 'zod';
import { TargetConfig } from '../config/readRolloutStatusConfig';
import { TargetReadings } from '../engine/types';
import { DEFAULT_HELM_RELEASE, DEFAULT_WORKLOADS } from './kubernetes/defaults';
import { assembleKubernetesObjects } from './kubernetes/assemble';
import { interpretPgBouncer } from './pgbouncer';
import { interpretPostgres } from './postgres';
import { SourceReading } from './types';

const list = z.object({ items: z.array(z.record(z.string(), z.unknown())) });
const failed = z.object({ error: z.string() });

/**
 * The snapshot file format: recorded API lists, console rows and probe
 * answers. A section may instead be `{ "error": "..." }` (recorded failure)
 * or absent (source not recorded). The Kubernetes part is also what the test
 * fixture server serves, so tests and snapshot mode share one scenario source.
 */
export const snapshotSchema = z.object({
  format: z.literal('rollout-status-snapshot/v1'),
  scenario: z.string(),
  description: z.string(),
  recordedAt: z.string().datetime(),
  kubernetes: z
    .union([
      failed,
      z.object({
        namespace: z.string(),
        lists: z.object({
          deployments: list,
          replicasets: list,
          pods: list,
          poddisruptionbudgets: list,
          events: list,
          secrets: list,
          /** Namespace objects (their labels say whether Keel is enrolled). */
          namespaces: list.optional(),
        }),
        nodeStats: z.record(z.string(), z.unknown()),
      }),
    ])
    .optional(),
  pgbouncer: z
    .union([
      failed,
      z.object({
        pools: z.array(z.record(z.string(), z.unknown())),
        stats: z.array(z.record(z.string(), z.unknown())),
        config: z.array(z.record(z.string(), z.unknown())),
        clients: z.array(z.record(z.string(), z.unknown())),
        databases: z.array(z.record(z.string(), z.unknown())),
      }),
    ])
    .optional(),
  postgres: z
    .union([
      failed,
      z.object({
        lockHolders: z.array(z.record(z.string(), z.unknown())),
        advisoryWaiters: z.number(),
        connections: z.array(z.record(z.string(), z.unknown())),
        maxConnections: z.number(),
        migratedVersion: z.string().optional(),
      }),
    ])
    .optional(),
  http: z
    .object({
      ready: z
        .union([
          failed,
          z.object({
            url: z.string(),
            status: z.number(),
            elapsedMs: z.number(),
          }),
        ])
        .optional(),
      forwardAuth: z
        .union([
          failed,
          z.object({
            url: z.string(),
            status: z.number(),
            location: z.string().optional(),
            elapsedMs: z.number(),
          }),
        ])
        .optional(),
    })
    .optional(),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export async function loadSnapshot(
  path: string,
  keyPath: string,
): Promise<Snapshot> {
  const file = resolve(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    assertError(error);
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code
        ? `${keyPath}: cannot read snapshot ${file} (${code}); relative paths resolve against ${process.cwd()}`
        : `${keyPath}: ${file} is not JSON (${error.message})`,
    );
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(
      `${keyPath}: ${file} is not a rollout-status snapshot: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

/**
 * Replays a snapshot as readings: the same interpretation as a live poll,
 * with every source marked `snapshot` and timed at the recording.
 */
export function readingsFromSnapshot(
  snapshot: Snapshot,
  file: string,
  target: TargetConfig,
): TargetReadings {
  const observedAt = snapshot.recordedAt;
  const source = (kind: SourceKind, what: string): DataSource => ({
    kind,
    name: `${what} (recorded, scenario ${snapshot.scenario})`,
    mode: 'snapshot',
    file,
  });
  function reading<R, T>(
    section: R | { error: string } | undefined,
    dataSource: DataSource,
    interpret: (recorded: R) => T,
  ): SourceReading<T> | undefined {
    if (section === undefined) return undefined;
    if (typeof section === 'object' && section !== null && 'error' in section) {
      return {
        source: dataSource,
        observedAt,
        ok: false,
        reason: String(section.error),
      };
    }
    return {
      source: dataSource,
      observedAt,
      ok: true,
      data: interpret(section as R),
    };
  }
  const names = {
    helmRelease: target.kubernetes?.helmRelease ?? DEFAULT_HELM_RELEASE,
    outpost: target.kubernetes?.workloads.outpost ?? DEFAULT_WORKLOADS.outpost,
  };
  const k8s = snapshot.kubernetes;
  return {
    mode: 'snapshot',
    snapshot: {
      file,
      recordedAt: snapshot.recordedAt,
      scenario: snapshot.scenario,
    },
    evaluatedAt: Date.parse(snapshot.recordedAt),
    // Recorded JSON carries timestamps as strings where the client would give
    // Dates; every check reads times through `timeOf`, which accepts both.
    kubernetes: reading(k8s, source('kubernetes', 'Kubernetes API'), recorded =>
      assembleKubernetesObjects(
        {
          namespace: recorded.namespace,
          deployments: recorded.lists.deployments.items,
          replicaSets: recorded.lists.replicasets.items,
          pods: recorded.lists.pods.items,
          podDisruptionBudgets: recorded.lists.poddisruptionbudgets.items,
          events: recorded.lists.events.items,
          helmSecrets: recorded.lists.secrets.items,
          statsByNode: recorded.nodeStats,
        } as unknown as Parameters<typeof assembleKubernetesObjects>[0],
        names,
      ),
    ),
    pgbouncer: reading(
      snapshot.pgbouncer,
      source('pgbouncer', 'PgBouncer admin console'),
      recorded =>
        interpretPgBouncer(recorded, target.pgbouncer?.database ?? 'authentik'),
    ),
    postgres: reading(
      snapshot.postgres,
      source('postgres', 'PostgreSQL'),
      interpretPostgres,
    ),
    readyProbe: reading(
      snapshot.http?.ready,
      source('http', 'authentik readiness'),
      r => r,
    ),
    forwardAuthProbe: reading(
      snapshot.http?.forwardAuth,
      source('http', 'forward-auth probe'),
      r => r,
    ),
  };
}
