import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { Client } from 'pg';

// Any constant both replicas agree on: "infra-portal startup" as an int8.
const LOCK_KEY = '7234187032164112';
/** How long a replica waits for another one to finish starting. */
const WAIT_LIMIT_MS = 10 * 60_000;
const RETRY_MS = 1_000;

function clientOptions(
  config: Config,
): ConstructorParameters<typeof Client>[0] {
  const connection = config.getOptional('backend.database.connection');
  if (typeof connection === 'string') return { connectionString: connection };
  const { host, port, user, password } = (connection ?? {}) as Record<
    string,
    unknown
  >;
  return {
    host: String(host),
    port: port === undefined || port === '' ? 5432 : Number(port),
    user: typeof user === 'string' ? user : undefined,
    password: typeof password === 'string' ? password : undefined,
    database: 'postgres',
    connectionTimeoutMillis: 5_000,
  };
}

/** Holds the startup lock until {@link StartupLock.release}. */
export interface StartupLock {
  release(): Promise<void>;
}

function where(options: ConstructorParameters<typeof Client>[0]): string {
  const o = (options ?? {}) as { host?: string; port?: number };
  return o.host ? `${o.host}:${o.port}` : 'the configured connection string';
}

/**
 * Takes a PostgreSQL session lock that the backend holds until it has
 * started, so replicas start one after another. Started together on a new or
 * just upgraded database, each plugin's migrations race for knex's migration
 * lock, and the loser fails with "Migration table is already locked": its
 * process exits and the pod restarts (packages/backend/src/production/
 * image.test.ts saw it). Taken before the plugins load, whose loading can
 * block the event loop for seconds. The lock ends with the session, so a
 * replica that dies while starting frees it. SQLite runs one process: no
 * lock.
 */
export async function takeStartupLock(): Promise<StartupLock> {
  const config = await ConfigSources.toConfig(ConfigSources.default({}));
  const isPg = config.getOptionalString('backend.database.client') === 'pg';
  const options = isPg ? clientOptions(config) : undefined;
  config.close();
  if (!options) return { release: async () => undefined };
  const client = new Client(options);
  const fail = (error: unknown): never => {
    client.end().catch(() => undefined);
    throw new Error(
      `cannot take the startup lock on PostgreSQL at ${where(options)}: ${
        (error as Error)?.message ?? error
      }. Fix: check that PostgreSQL answers (the preflight reached it a moment ago), then start again.`,
    );
  };
  await client.connect().catch(fail);
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let said = false;
  for (;;) {
    const { rows } = await client
      .query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS locked',
        [LOCK_KEY],
      )
      .catch(fail);
    if (rows[0].locked) break;
    if (Date.now() > deadline) {
      fail(
        new Error(
          `another replica has been starting for over ${
            WAIT_LIMIT_MS / 60_000
          } minutes (it holds pg_advisory_lock ${LOCK_KEY}); see its log, or end its session in pg_stat_activity`,
        ),
      );
    }
    if (!said) {
      process.stderr.write(
        '[portal] Another replica is starting on this database; waiting for it to finish (startup lock).\n',
      );
      said = true;
    }
    await new Promise(r => setTimeout(r, RETRY_MS));
  }
  return {
    release: () => client.end().catch(() => undefined),
  };
}
