import { Client } from 'pg';
import { PgBouncerSourceConfig } from '../config/schema';

/** One row of `SHOW POOLS`, numbers parsed. */
export interface PoolRow {
  database: string;
  user: string;
  clActive: number;
  clWaiting: number;
  svActive: number;
  svIdle: number;
  svUsed: number;
  svTested: number;
  svLogin: number;
  /** Longest current client wait, in seconds (maxwait + maxwait_us). */
  maxWaitSeconds: number;
  poolMode: string;
}

/** What the pool check reads from one PgBouncer's admin console. */
export interface PgBouncerState {
  /** The pooled database judged (config `pgbouncer.database`). */
  database: string;
  pools: PoolRow[];
  /** `SHOW CONFIG` as key → value. */
  config: Record<string, string>;
  /** `pool_size` per database from `SHOW DATABASES` (overrides default_pool_size). */
  databasePoolSize?: number;
  /** `SHOW STATS` of the judged database: total client wait time (µs), total queries. */
  totalWaitTimeUs?: number;
  /** Clients by state (`active`, `waiting`, ...) for the judged database, from `SHOW CLIENTS`. */
  clientsByState: Record<string, number>;
  /** Databases PgBouncer is configured with (`SHOW DATABASES`), to tell an idle pool from a wrong name. */
  configuredDatabases?: string[];
}

/** The recorded answers of the admin console commands (rows as the console returns them). */
export interface PgBouncerAnswers {
  pools: Array<Record<string, unknown>>;
  stats: Array<Record<string, unknown>>;
  config: Array<Record<string, unknown>>;
  clients: Array<Record<string, unknown>>;
  databases: Array<Record<string, unknown>>;
}

const num = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);

/** Interprets admin console rows; live reads and snapshots both use it. */
export function interpretPgBouncer(
  answers: PgBouncerAnswers,
  database: string,
): PgBouncerState {
  const pools = answers.pools.map(
    (row): PoolRow => ({
      database: String(row.database),
      user: String(row.user),
      clActive: num(row.cl_active),
      clWaiting: num(row.cl_waiting),
      svActive: num(row.sv_active),
      svIdle: num(row.sv_idle),
      svUsed: num(row.sv_used),
      svTested: num(row.sv_tested),
      svLogin: num(row.sv_login),
      maxWaitSeconds: num(row.maxwait) + num(row.maxwait_us) / 1e6,
      poolMode: String(row.pool_mode ?? ''),
    }),
  );
  const config = Object.fromEntries(
    answers.config.map(row => [String(row.key), String(row.value ?? '')]),
  );
  const dbRow = answers.databases.find(row => row.name === database);
  const stats = answers.stats.find(row => row.database === database);
  const clientsByState: Record<string, number> = {};
  for (const client of answers.clients.filter(
    row => row.database === database,
  )) {
    const state = String(client.state);
    clientsByState[state] = (clientsByState[state] ?? 0) + 1;
  }
  return {
    database,
    configuredDatabases: answers.databases.map(row => String(row.name)),
    pools,
    config,
    databasePoolSize:
      dbRow && num(dbRow.pool_size) > 0 ? num(dbRow.pool_size) : undefined,
    totalWaitTimeUs: stats ? num(stats.total_wait_time) : undefined,
    clientsByState,
  };
}

/**
 * Asks a PgBouncer admin console. The console speaks only the simple query
 * protocol, so every command is a plain string without parameters.
 */
export async function readPgBouncer(
  config: PgBouncerSourceConfig,
  deadlineMs: number,
  signal: AbortSignal,
): Promise<PgBouncerState> {
  const client = new Client({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: 'pgbouncer',
    connectionTimeoutMillis: deadlineMs,
    query_timeout: deadlineMs,
  });
  // The pool check must not hold a console connection past its deadline.
  const onAbort = () => {
    client.end().catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    const ask = async (command: string) =>
      (await client.query(command)).rows as Array<Record<string, unknown>>;
    const answers: PgBouncerAnswers = {
      pools: await ask('SHOW POOLS'),
      stats: await ask('SHOW STATS'),
      config: await ask('SHOW CONFIG'),
      clients: await ask('SHOW CLIENTS'),
      databases: await ask('SHOW DATABASES'),
    };
    return interpretPgBouncer(answers, config.database);
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Closing can fail when the connection already broke; the reading's
    // outcome (data or the error above) is what matters, not the goodbye.
    await client.end().catch(() => undefined);
  }
}
