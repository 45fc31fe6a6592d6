/**
 * The `data` attached to some checks feeds the pictures. Its shape is only
 * documented in the backend README, so it is validated here at runtime: a
 * picture that does not get what it expects draws nothing rather than
 * something wrong.
 */

export interface ReplicaSetBar {
  /** The Deployment that owns it; churn is judged per Deployment. */
  deployment?: string;
  name: string;
  revision: string;
  imageTag: string;
  desired: number;
  ready: number;
  createdAt?: string;
}

export interface PoolUse {
  /** Server connections per pool (`default_pool_size` or the database's). */
  poolSize: number;
  /** Extra connections PgBouncer may open under pressure, per pool. */
  reservePoolSize: number;
  /** Pools for the database (one per user); capacity is size × pools. */
  pools: number;
  /** Server connections in use, across the pools. */
  active: number;
  /** Clients waiting for a server connection, across the pools. */
  waiting: number;
  maxWaitSeconds: number;
  poolMode: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function parseReplicaSet(value: unknown): ReplicaSetBar | undefined {
  if (!isObject(value) || typeof value.name !== 'string') {
    return undefined;
  }
  if (!isCount(value.desired) || !isCount(value.ready)) {
    return undefined;
  }
  const revision = value.revision;
  // The brief said `createdAt`; the backend sends `created`. Accept both.
  const created = value.createdAt ?? value.created;
  return {
    deployment:
      typeof value.deployment === 'string' ? value.deployment : undefined,
    name: value.name,
    revision:
      typeof revision === 'string' || typeof revision === 'number'
        ? String(revision)
        : '?',
    imageTag: typeof value.imageTag === 'string' ? value.imageTag : '?',
    desired: Math.floor(value.desired),
    ready: Math.floor(value.ready),
    createdAt: typeof created === 'string' ? created : undefined,
  };
}

/** ReplicaSets from the `rollout` check, or undefined if the shape is off. */
export function readReplicaSets(
  data: Record<string, unknown> | undefined,
): ReplicaSetBar[] | undefined {
  if (!data || !Array.isArray(data.replicaSets)) {
    return undefined;
  }
  const parsed = data.replicaSets.map(parseReplicaSet);
  if (parsed.some(rs => rs === undefined)) {
    return undefined;
  }
  return parsed as ReplicaSetBar[];
}

/**
 * Pool use from the `pool` check, or undefined if the shape is off. Reads
 * the backend's names (`serverActive`, `clientWaiting`, `pools`,
 * `reservePoolSize`) and the brief's (`active`, `waiting`).
 */
export function readPoolUse(
  data: Record<string, unknown> | undefined,
): PoolUse | undefined {
  if (!data) {
    return undefined;
  }
  const { poolSize, maxWaitSeconds, poolMode } = data;
  const active = data.serverActive ?? data.active;
  const waiting = data.clientWaiting ?? data.waiting;
  const pools = data.pools ?? 1;
  const reservePoolSize = data.reservePoolSize ?? 0;
  if (
    !isCount(pools) ||
    pools < 1 ||
    !isCount(reservePoolSize) ||
    !isCount(poolSize) ||
    poolSize === 0 ||
    !isCount(active) ||
    !isCount(waiting) ||
    !isCount(maxWaitSeconds)
  ) {
    return undefined;
  }
  return {
    poolSize,
    reservePoolSize,
    pools: Math.floor(pools),
    active,
    waiting,
    maxWaitSeconds,
    poolMode: typeof poolMode === 'string' ? poolMode : 'unknown',
  };
}

/** A ReplicaSet that still wants or has pods. */
export function isLive(rs: ReplicaSetBar): boolean {
  return rs.desired > 0 || rs.ready > 0;
}

/** ReplicaSets grouped by owning Deployment, in first-seen order. */
export function groupByDeployment(
  replicaSets: ReplicaSetBar[],
): Array<{ deployment: string; replicaSets: ReplicaSetBar[] }> {
  const groups = new Map<string, ReplicaSetBar[]>();
  for (const rs of replicaSets) {
    const key = rs.deployment ?? '';
    groups.set(key, [...(groups.get(key) ?? []), rs]);
  }
  return Array.from(groups, ([deployment, members]) => ({
    deployment,
    replicaSets: members,
  }));
}
