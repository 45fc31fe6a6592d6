import { Client } from 'pg';
import { PostgresSourceConfig } from '../config/schema';

/** A session idle in transaction that holds an advisory lock. */
export interface LockHolder {
  pid: number;
  applicationName: string;
  user: string;
  state: string;
  /** Seconds since the session went idle in its transaction. */
  idleSeconds: number;
  /** Seconds since its transaction started. */
  transactionSeconds: number;
  /** The advisory lock key (classid:objid). */
  lockKey: string;
  /** Last statement text; only shown to callers with the query-text permission. */
  query: string;
}

export interface ApplicationConnections {
  application: string;
  database: string;
  count: number;
}

/** What the lock, connection and version checks read from PostgreSQL. */
export interface PostgresState {
  lockHolders: LockHolder[];
  /** Sessions waiting for an advisory lock right now. */
  advisoryWaiters: number;
  connections: ApplicationConnections[];
  maxConnections: number;
  /** authentik's latest migrated version; undefined when the table is missing. */
  migratedVersion?: string;
}

// Advisory locks held by sessions idle in a transaction: the ghost holders
// every booting authentik pod queues behind.
const LOCK_HOLDERS_SQL = `
SELECT a.pid, coalesce(a.application_name, '') AS application_name,
       coalesce(a.usename, '') AS usename, a.state,
       extract(epoch FROM now() - a.state_change)::float8 AS idle_seconds,
       extract(epoch FROM now() - a.xact_start)::float8 AS transaction_seconds,
       l.classid::text || ':' || l.objid::text AS lock_key,
       coalesce(a.query, '') AS query
  FROM pg_locks l
  JOIN pg_stat_activity a ON a.pid = l.pid
 WHERE l.locktype = 'advisory' AND l.granted
   AND a.state IN ('idle in transaction', 'idle in transaction (aborted)')
 ORDER BY idle_seconds DESC`;

const ADVISORY_WAITERS_SQL = `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;

const CONNECTIONS_SQL = `
SELECT coalesce(nullif(application_name, ''), '(none)') AS application,
       coalesce(datname, '') AS database, count(*)::int AS count
  FROM pg_stat_activity
 WHERE backend_type = 'client backend'
 GROUP BY 1, 2 ORDER BY count DESC`;

const MAX_CONNECTIONS_SQL = `SELECT current_setting('max_connections')::int AS max_connections`;

const VERSION_TABLE_SQL = `SELECT to_regclass('authentik_version_history') IS NOT NULL AS present`;
const MIGRATED_VERSION_SQL = `SELECT version FROM authentik_version_history ORDER BY "timestamp" DESC LIMIT 1`;

/** The recorded answers of the queries above (snapshots store these rows). */
export interface PostgresAnswers {
  lockHolders: Array<Record<string, unknown>>;
  advisoryWaiters: number;
  connections: Array<Record<string, unknown>>;
  maxConnections: number;
  migratedVersion?: string;
}

export function interpretPostgres(answers: PostgresAnswers): PostgresState {
  return {
    lockHolders: answers.lockHolders.map(row => ({
      pid: Number(row.pid),
      applicationName: String(row.application_name ?? ''),
      user: String(row.usename ?? ''),
      state: String(row.state ?? ''),
      idleSeconds: Number(row.idle_seconds ?? 0),
      transactionSeconds: Number(row.transaction_seconds ?? 0),
      lockKey: String(row.lock_key ?? ''),
      query: String(row.query ?? ''),
    })),
    advisoryWaiters: answers.advisoryWaiters,
    connections: answers.connections.map(row => ({
      application: String(row.application),
      database: String(row.database),
      count: Number(row.count),
    })),
    maxConnections: answers.maxConnections,
    migratedVersion: answers.migratedVersion,
  };
}

/**
 * Reads PostgreSQL in a read-only session with a statement timeout equal to
 * the deadline, so a slow catalog query cannot outlive the poll.
 */
export async function readPostgres(
  config: PostgresSourceConfig,
  deadlineMs: number,
  signal: AbortSignal,
): Promise<PostgresState> {
  const client = new Client({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: config.database,
    application_name: 'backstage-rollout-status',
    connectionTimeoutMillis: deadlineMs,
    // A little under the deadline, so PostgreSQL cancels the statement itself
    // and the reason names the statement timeout rather than our deadline.
    statement_timeout: Math.max(100, deadlineMs - 250),
    query_timeout: deadlineMs,
    options: '-c default_transaction_read_only=on',
  });
  const onAbort = () => {
    client.end().catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    const rows = async (sql: string) =>
      (await client.query(sql)).rows as Array<Record<string, unknown>>;
    const lockHolders = await rows(LOCK_HOLDERS_SQL);
    const [waiters] = await rows(ADVISORY_WAITERS_SQL);
    const connections = await rows(CONNECTIONS_SQL);
    const [max] = await rows(MAX_CONNECTIONS_SQL);
    const [table] = await rows(VERSION_TABLE_SQL);
    const migrated = table?.present
      ? (await rows(MIGRATED_VERSION_SQL))[0]
      : undefined;
    return interpretPostgres({
      lockHolders,
      advisoryWaiters: Number(waiters?.waiting ?? 0),
      connections,
      maxConnections: Number(max?.max_connections),
      migratedVersion: migrated ? String(migrated.version) : undefined,
    });
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Closing can fail when the connection already broke; the reading's
    // outcome (data or the error above) is what matters, not the goodbye.
    await client.end().catch(() => undefined);
  }
}
