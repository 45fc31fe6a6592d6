import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestPostgres } from './postgres';
import { findFreePort, makeServiceDir, runServiceCommand } from './processes';

/** A PgBouncer started for a test, in front of a TestPostgres. */
export interface TestPgBouncer {
  host: string;
  port: number;
  /** The admin console user (in `admin_users`) and its password. */
  adminUser: string;
  adminPassword: string;
  /** Runs a command on the admin console (simple query protocol). */
  admin<T = Record<string, unknown>>(command: string): Promise<T[]>;
  /** A client connected through the pooler as the PostgreSQL superuser. */
  connect(database?: string): Promise<Client>;
  stop(): Promise<void>;
}

export interface StartPgBouncerOptions {
  postgres: TestPostgres;
  poolMode?: 'session' | 'transaction' | 'statement';
  defaultPoolSize?: number;
  reservePoolSize?: number;
  /** Seconds; 0 (the PgBouncer default) means never reap idle transactions. */
  idleTransactionTimeout?: number;
  /** Extra `[pgbouncer]` settings. */
  settings?: Record<string, string | number>;
}

const PGBOUNCER = '/usr/sbin/pgbouncer';

/**
 * Starts a throwaway PgBouncer (Debian's binary) daemonized on a free port,
 * as the `postgres` user when we are root. Clients authenticate with
 * scram-sha-256 against a generated auth_file, so a wrong password is
 * refused; an admin user gets the console.
 */
export async function startPgBouncer(
  options: StartPgBouncerOptions,
): Promise<TestPgBouncer> {
  const { postgres } = options;
  const dir = await makeServiceDir('test-pgbouncer');
  const port = await findFreePort();
  const adminUser = 'pgb_admin';
  const adminPassword = `admin-${Math.random().toString(36).slice(2)}`;
  const authFile = join(dir, 'userlist.txt');
  const pidFile = join(dir, 'pgbouncer.pid');
  const iniFile = join(dir, 'pgbouncer.ini');
  // Plain passwords in the auth_file let PgBouncer do SCRAM both with the
  // client and with PostgreSQL (which only allows scram-sha-256 over TCP).
  await writeFile(
    authFile,
    `"${postgres.user}" "${postgres.password}"\n"${adminUser}" "${adminPassword}"\n`,
    { mode: 0o644 },
  );
  const settings: Record<string, string | number> = {
    listen_addr: '127.0.0.1',
    listen_port: port,
    unix_socket_dir: dir,
    auth_type: 'scram-sha-256',
    auth_file: authFile,
    admin_users: adminUser,
    pidfile: pidFile,
    logfile: join(dir, 'pgbouncer.log'),
    pool_mode: options.poolMode ?? 'session',
    default_pool_size: options.defaultPoolSize ?? 20,
    reserve_pool_size: options.reservePoolSize ?? 0,
    idle_transaction_timeout: options.idleTransactionTimeout ?? 0,
    max_client_conn: 200,
    ...options.settings,
  };
  const ini = [
    '[databases]',
    `* = host=127.0.0.1 port=${postgres.port}`,
    '',
    '[pgbouncer]',
    ...Object.entries(settings).map(([key, value]) => `${key} = ${value}`),
    '',
  ].join('\n');
  await writeFile(iniFile, ini, { mode: 0o644 });
  await runServiceCommand(PGBOUNCER, ['-d', iniFile]);
  // `-d` returns once the daemon forked, possibly before it listens.
  await waitForPort(port, 10_000);

  const connectAs = async (
    user: string,
    password: string,
    database: string,
  ) => {
    const client = new Client({
      host: '127.0.0.1',
      port,
      user,
      password,
      database,
      connectionTimeoutMillis: 5_000,
    });
    await client.connect();
    return client;
  };
  return {
    host: '127.0.0.1',
    port,
    adminUser,
    adminPassword,
    async admin(command) {
      const client = await connectAs(adminUser, adminPassword, 'pgbouncer');
      try {
        return (await client.query(command)).rows;
      } finally {
        await client.end();
      }
    },
    connect: (database = 'postgres') =>
      connectAs(postgres.user, postgres.password, database),
    async stop() {
      const pid = Number(
        (await readFile(pidFile, 'utf8').catch(() => '')).trim(),
      );
      if (pid) {
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          // Already gone: nothing to stop.
        }
        for (let i = 0; i < 50; i++) {
          try {
            process.kill(pid, 0);
            await new Promise(r => setTimeout(r, 100));
          } catch {
            break;
          }
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>(resolve => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(
        `pgbouncer did not listen on ${port} within ${timeoutMs} ms`,
      );
    await new Promise(r => setTimeout(r, 50));
  }
}
