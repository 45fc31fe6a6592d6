import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  findFreePort,
  makeServiceDir,
  postgresBinDir,
  runServiceCommand,
} from './processes';

/** A PostgreSQL server started for a test, listening on 127.0.0.1. */
export interface TestPostgres {
  host: string;
  port: number;
  /** Superuser name and password (password auth over TCP). */
  user: string;
  password: string;
  /** Runs SQL as the superuser against `database` (default `postgres`). */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    database?: string,
  ): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL: `initdb` into a temp folder, `pg_ctl start`
 * on a free port. Each call gets its own cluster; `stop()` removes it.
 */
export async function startPostgres(
  options: { settings?: Record<string, string | number> } = {},
): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = await makeServiceDir('test-postgres');
  const dataDir = join(dir, 'data');
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const passwordFile = join(dir, 'pwfile');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o644 });
  await runServiceCommand(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '--no-sync',
  ]);
  const port = await findFreePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    port,
    unix_socket_directories: dir,
    fsync: 'off',
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  await runServiceCommand(join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    join(dir, 'postgres.log'),
    '-o',
    serverOptions,
    '-w',
    '-t',
    '30',
    'start',
  ]);

  const instance: TestPostgres = {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    async query(sql, params, database = 'postgres') {
      const client = new Client({
        host: '127.0.0.1',
        port,
        user: 'postgres',
        password,
        database,
        connectionTimeoutMillis: 5_000,
      });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      await runServiceCommand(join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-m',
        'immediate',
        '-w',
        'stop',
      ]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return instance;
}
