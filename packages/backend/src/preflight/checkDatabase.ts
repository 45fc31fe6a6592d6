import { Config } from '@backstage/config';
import { Client } from 'pg';

/** How long start-up waits for PostgreSQL before giving up. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Why the configured database cannot be used, or undefined when it can. */
export type DatabaseProblem = { message: string; fix: string };

/**
 * Backstage connects to PostgreSQL lazily and retries for a long time, so an
 * unreachable or unconfigured database shows up as a start that hangs. This
 * check runs before the backend starts and turns that into an immediate,
 * named error. SQLite needs no check: it is a file (or memory) in-process.
 */
export async function checkDatabase(
  config: Config,
): Promise<DatabaseProblem | undefined> {
  const client = config.getOptionalString('backend.database.client');
  if (client !== 'pg') {
    return undefined;
  }
  // Read the merged value once: the embedded default (app-config.yaml) has a
  // string here, production config an object, and a key set to an empty
  // environment variable reads as an empty string.
  const connection = config.getOptional('backend.database.connection');
  if (typeof connection === 'string' && connection.includes('://')) {
    return connectProblem(
      { connectionString: connection },
      'the connection string',
    );
  }
  const fields = (typeof connection === 'object' && connection) || {};
  const { host, port, user, password } = fields as Record<string, unknown>;
  if (typeof host !== 'string' || host === '') {
    return {
      message:
        'backend.database.connection.host is not set, so PostgreSQL cannot be reached.',
      fix: 'set POSTGRES_HOST (and POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD) or the config key itself.',
    };
  }
  const portNumber = port === undefined || port === '' ? 5432 : Number(port);
  if (!Number.isInteger(portNumber) || portNumber <= 0 || portNumber > 65535) {
    return {
      message: `backend.database.connection.port is '${port}', which is not a TCP port.`,
      fix: 'set POSTGRES_PORT to a number between 1 and 65535.',
    };
  }
  return connectProblem(
    {
      host,
      port: portNumber,
      user: typeof user === 'string' ? user : undefined,
      password: typeof password === 'string' ? password : undefined,
      database: 'postgres',
    },
    `${host}:${portNumber}`,
  );
}

async function connectProblem(
  options: ConstructorParameters<typeof Client>[0] & object,
  where: string,
): Promise<DatabaseProblem | undefined> {
  const client = new Client({
    ...options,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    // pg's messages never contain the password; the code says what failed.
    const e = error as { code?: string; message?: string };
    return {
      message: `cannot reach PostgreSQL at ${where}: ${e.code ?? ''} ${
        e.message ?? String(error)
      }`.replace(/\s+/g, ' '),
      fix: 'start PostgreSQL, or point POSTGRES_HOST/POSTGRES_PORT at a running server, and check POSTGRES_USER/POSTGRES_PASSWORD.',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
