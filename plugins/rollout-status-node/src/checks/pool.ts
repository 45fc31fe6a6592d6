import { V1Deployment } from '@kubernetes/client-node';
import { Evidence } from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import { KubernetesObjects } from '../sources/kubernetes/types';
import { findDeployment } from '../sources/kubernetes/workloads';
import { Findings, requireReadings, result, workloadNames } from './helpers';

const CONN_MAX_AGE = 'AUTHENTIK_POSTGRESQL__CONN_MAX_AGE';

function envValue(deployment: V1Deployment | undefined): string | undefined {
  return deployment?.spec?.template.spec?.containers
    ?.flatMap(c => c.env ?? [])
    .find(e => e.name === CONN_MAX_AGE)?.value;
}

function valuesEnv(
  values: Record<string, unknown>,
  component: string,
): string | undefined {
  const section = values[component] as
    | { env?: Array<{ name?: string; value?: unknown }> }
    | undefined;
  const entry = Array.isArray(section?.env)
    ? section?.env.find(e => e?.name === CONN_MAX_AGE)
    : undefined;
  return entry?.value === undefined ? undefined : String(entry.value);
}

/**
 * Where persistent Django connections are switched on: the live server or
 * worker env, or the Helm values' env (the next apply would set it).
 * `None` means "forever" to Django, so it counts as persistent too.
 */
export function persistentConnections(
  k8s: KubernetesObjects,
  names: { server: string; worker: string },
): string[] {
  const found: string[] = [];
  const persistent = (v: string | undefined) =>
    v !== undefined && (v === 'None' || Number(v) > 0);
  for (const [where, value] of [
    [
      `${names.server} env`,
      envValue(findDeployment(names.server, k8s.deployments)),
    ],
    [
      `${names.worker} env`,
      envValue(findDeployment(names.worker, k8s.deployments)),
    ],
    [
      'Helm values server.env',
      k8s.helmRelease && valuesEnv(k8s.helmRelease.values, 'server'),
    ],
    [
      'Helm values worker.env',
      k8s.helmRelease && valuesEnv(k8s.helmRelease.values, 'worker'),
    ],
  ] as const) {
    if (persistent(value)) found.push(`${where} sets ${CONN_MAX_AGE}=${value}`);
  }
  return found;
}

/**
 * Check 6: is the PgBouncer pool saturated (clients waiting, longest wait,
 * server connections in use vs the pool size), and is it configured the way
 * the boot-storm post-mortem asks: an `idle_transaction_timeout` that reaps
 * ghost lock holders, and no persistent Django connections pinning
 * session-mode server connections 1:1.
 */
export const poolCheck: CheckFunction = ({ target, readings }) => {
  const id = 'pool';
  const got = requireReadings(
    id,
    { pgbouncer: readings.pgbouncer },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const bouncer = got.data.pgbouncer;
  const used = [...got.used];
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const rows = bouncer.pools.filter(p => p.database === bouncer.database);
  if (!rows.length && bouncer.configuredDatabases?.includes(bouncer.database)) {
    // PgBouncer creates a pool on the first client login: none yet is an
    // idle bouncer, not a wrong database name.
    return result({
      id,
      verdict: 'ok',
      summary: `PgBouncer is idle: database "${bouncer.database}" is configured but has no pool yet, because no client has logged in since PgBouncer started (pools are created on the first login); this is not a configuration error`,
      evidence: [{ label: 'clients waiting', value: '0 (no pool yet)' }],
      used,
      evaluatedAt: readings.evaluatedAt,
    });
  }
  if (!rows.length) {
    return result({
      id,
      verdict: 'unknown',
      summary: `PgBouncer has no pool for database "${
        bouncer.database
      }" and does not list it in SHOW DATABASES (have: ${
        bouncer.configuredDatabases?.join(', ') || 'none'
      }); check rolloutStatus.targets[].pgbouncer.database`,
      used,
      evaluatedAt: readings.evaluatedAt,
    });
  }
  const poolMode = rows[0].poolMode || bouncer.config.pool_mode;
  const poolSize =
    bouncer.databasePoolSize ?? Number(bouncer.config.default_pool_size ?? 20);
  const reserve = Number(bouncer.config.reserve_pool_size ?? 0);
  const serverInUse = rows.reduce((n, r) => n + r.svActive, 0);
  const serverIdle = rows.reduce((n, r) => n + r.svIdle + r.svUsed, 0);
  const waiting = rows.reduce((n, r) => n + r.clWaiting, 0);
  const active = rows.reduce((n, r) => n + r.clActive, 0);
  const maxWait = Math.max(...rows.map(r => r.maxWaitSeconds));
  const capacity = (poolSize + reserve) * rows.length;
  const saturation =
    capacity > 0 ? Math.round((serverInUse / capacity) * 100) : 0;
  evidence.push(
    { label: 'pool mode', value: poolMode },
    {
      label: 'server connections in use',
      value: `${serverInUse} of ${poolSize} (+${reserve} reserve) per pool, ${saturation} %`,
    },
    {
      label: 'clients waiting',
      value: `${waiting} (longest ${maxWait.toFixed(1)} s)`,
    },
  );
  if (waiting > 0 && saturation >= 100) {
    findings.add(
      'critical',
      `${waiting} client(s) wait for a server connection (longest ${maxWait.toFixed(
        1,
      )} s); the pool is saturated`,
    );
  } else if (waiting > 0) {
    findings.add(
      'warn',
      `${waiting} client(s) wait for a server connection (longest ${maxWait.toFixed(
        1,
      )} s)`,
    );
  } else if (saturation >= target.thresholds.poolWarnPercent) {
    findings.add(
      'warn',
      `${saturation} % of the pool's server connections are in use`,
    );
  }
  const idleTxTimeout = Number(bouncer.config.idle_transaction_timeout ?? 0);
  evidence.push({
    label: 'idle_transaction_timeout',
    value: idleTxTimeout ? `${idleTxTimeout} s` : 'off',
  });
  if (!idleTxTimeout) {
    findings.add(
      'warn',
      'idle_transaction_timeout is off: sessions left idle in transaction (ghost lock holders) are never reaped',
    );
  }
  const k8s = readings.kubernetes;
  if (poolMode === 'session') {
    if (k8s?.ok) {
      used.push(k8s);
      for (const where of persistentConnections(
        k8s.data,
        workloadNames(target),
      )) {
        findings.add(
          'warn',
          `${where} while PgBouncer is in session mode: each Django thread pins a server connection`,
        );
      }
    } else if (k8s) {
      findings.add(
        'unknown',
        `persistent connections cannot be checked: ${k8s.reason}`,
      );
    } else {
      // Without a Kubernetes source this part is out of scope for the
      // target, not failing: say so rather than colour the pool verdict.
      evidence.push({
        label: 'persistent connections',
        value: 'not checked (no kubernetes source)',
      });
    }
  }
  findings.add('ok');
  return result({
    id,
    verdict: findings.verdict,
    summary: findings.summary(
      `No client waits; ${saturation} % of the pool in use`,
    ),
    reasons: findings.reasons,
    evidence,
    used,
    evaluatedAt: readings.evaluatedAt,
    data: {
      database: bouncer.database,
      poolMode,
      pools: rows.length,
      poolSize,
      reservePoolSize: reserve,
      serverActive: serverInUse,
      serverIdle,
      clientActive: active,
      clientWaiting: waiting,
      maxWaitSeconds: maxWait,
      saturationPercent: saturation,
      idleTransactionTimeoutSeconds: idleTxTimeout,
      totalWaitTimeUs: bouncer.totalWaitTimeUs,
      clientsByState: bouncer.clientsByState,
    },
  });
};
