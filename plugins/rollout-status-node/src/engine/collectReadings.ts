import { LoggerService } from '@backstage/backend-plugin-api';
import { TargetConfig } from '../config/readRolloutStatusConfig';
import { probeHttp } from '../sources/httpProbe';
import {
  describeKubernetesError,
  readKubernetes,
} from '../sources/kubernetes/readKubernetes';
import { readPgBouncer } from '../sources/pgbouncer';
import { readPostgres } from '../sources/postgres';
import { loadSnapshot, readingsFromSnapshot } from '../sources/snapshot';
import { readWithDeadline } from '../sources/deadline';
import { SharedReads } from '../sources/sharedReads';
import { SourceReading } from '../sources/types';
import { TargetReadings } from './types';

/** Secrets of a target, redacted from any reason text. */
function secretsOf(target: TargetConfig): Array<string | undefined> {
  return [
    target.kubernetes?.connection.token,
    target.pgbouncer?.password,
    target.postgres?.password,
  ];
}

/**
 * One poll of a target: every configured source in parallel, each under its
 * own deadline. A snapshot target reads its file instead and is labelled so.
 */
export async function collectReadings(
  target: TargetConfig,
  options: {
    deadlineMs: number;
    logger?: LoggerService;
    targetIndex?: number;
    /** Clock for live readings (tests replay recordings at their recording time). */
    now?: () => number;
    /** Shares namespace reads between targets (one LIST per kind per namespace per interval). */
    reads?: SharedReads;
  },
): Promise<TargetReadings> {
  if (target.snapshot) {
    const snapshot = await loadSnapshot(
      target.snapshot,
      `rolloutStatus.targets[${options.targetIndex ?? '?'}].snapshot`,
    );
    return readingsFromSnapshot(snapshot, target.snapshot, target);
  }
  const { deadlineMs } = options;
  const secrets = secretsOf(target);
  const k8s = target.kubernetes;
  const bouncer = target.pgbouncer;
  const pg = target.postgres;
  const http = target.http;
  const [kubernetes, pgbouncer, postgres, readyProbe, forwardAuthProbe] =
    await Promise.all([
      k8s &&
        readWithDeadline({
          source: {
            kind: 'kubernetes',
            name: `${
              target.sourceLabel ? `[${target.sourceLabel}] ` : ''
            }Kubernetes API ${k8s.connection.url} namespace ${k8s.namespace}`,
            mode: 'live',
          },
          deadlineMs,
          secrets,
          read: signal =>
            readKubernetes(k8s, signal, {
              reads: options.reads,
              helmReleases: target.derived?.helmReleases.map(h => h.name),
            }),
          describeError: e => describeKubernetesError(e, k8s.connection.url),
        }),
      bouncer &&
        readWithDeadline({
          source: {
            kind: 'pgbouncer',
            name: `PgBouncer admin console ${bouncer.host}:${bouncer.port}`,
            mode: 'live',
          },
          deadlineMs,
          secrets,
          read: signal => readPgBouncer(bouncer, deadlineMs, signal),
          describeError: e =>
            `PgBouncer ${bouncer.host}:${bouncer.port}: ${e.message}`,
        }),
      pg &&
        readWithDeadline({
          source: {
            kind: 'postgres',
            name: `PostgreSQL ${pg.host}:${pg.port}/${pg.database}`,
            mode: 'live',
          },
          deadlineMs,
          secrets,
          read: signal => readPostgres(pg, deadlineMs, signal),
          describeError: e => `PostgreSQL ${pg.host}:${pg.port}: ${e.message}`,
        }),
      http?.readyUrl
        ? probe(http.readyUrl, 'authentik readiness', deadlineMs, secrets)
        : undefined,
      http?.forwardAuthUrl
        ? probe(http.forwardAuthUrl, 'forward-auth probe', deadlineMs, secrets)
        : undefined,
    ]);
  const readings: TargetReadings = {
    mode: 'live',
    evaluatedAt: (options.now ?? Date.now)(),
    kubernetes: kubernetes || undefined,
    pgbouncer: pgbouncer || undefined,
    postgres: postgres || undefined,
    readyProbe,
    forwardAuthProbe,
  };
  for (const reading of [
    kubernetes,
    pgbouncer,
    postgres,
    readyProbe,
    forwardAuthProbe,
  ]) {
    if (reading && !reading.ok) {
      options.logger?.warn('rollout-status source failed', {
        target: target.id,
        source: reading.source.kind,
        reason: reading.reason,
      });
    }
  }
  return readings;
}

function probe(
  url: string,
  what: string,
  deadlineMs: number,
  secrets: Array<string | undefined>,
): Promise<SourceReading<Awaited<ReturnType<typeof probeHttp>>>> {
  // Log and show the URL without its query string (it may carry tokens).
  const shown = url.split('?')[0];
  return readWithDeadline({
    source: { kind: 'http', name: `${what} ${shown}`, mode: 'live' },
    deadlineMs,
    secrets,
    read: signal => probeHttp(url, signal),
    describeError: e => {
      const cause = (e as { cause?: { code?: string } }).cause;
      return `${what} ${shown}: ${cause?.code ?? e.message}`;
    },
  });
}
