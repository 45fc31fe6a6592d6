import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * PostgreSQL and PgBouncer refuse to run as root. When the tests run as root
 * (CI here does), the services run as the `postgres` user that Debian's
 * package creates.
 */
export const runsAsRoot = process.getuid?.() === 0;

/** Runs a service binary, as `postgres` when we are root. */
export async function runServiceCommand(
  binary: string,
  args: string[],
  timeoutMs = 60_000,
): Promise<string> {
  const [command, commandArgs] = runsAsRoot
    ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
    : [binary, args];
  try {
    const { stdout } = await execFileAsync(command, commandArgs, {
      timeout: timeoutMs,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(
      `${binary} ${args.join(' ')} failed: ${e.stderr || e.message}`,
    );
  }
}

/** A temp folder the service user can write to. */
export async function makeServiceDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  if (runsAsRoot) {
    const { stdout } = await execFileAsync('id', ['-u', 'postgres']);
    const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  return dir;
}

/** Asks the kernel for a port that is free right now on the loopback. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The newest installed PostgreSQL's binary folder (Debian layout). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter(v => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). ' +
        "Run the README's test command, which installs Debian's postgresql package.",
    );
  }
  return join(root, versions[0], 'bin');
}
