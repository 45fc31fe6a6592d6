import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './processes';

const execFileAsync = promisify(execFile);

const REDIS_SERVER = '/usr/bin/redis-server';
const REDIS_CLI = '/usr/bin/redis-cli';

/** A Redis server started for a test, listening on 127.0.0.1 without a password. */
export interface TestRedis {
  host: string;
  port: number;
  /** `redis://127.0.0.1:<port>`, what `backend.cache.connection` takes. */
  url: string;
  /** Runs one command through `redis-cli` and returns its raw output lines. */
  command(...args: string[]): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway `redis-server` (Debian's package) on a free port, with
 * nothing saved to disk, and waits until it answers PING. `port` starts it
 * again where a stopped one was (a restart, as clients see it). `stop()` ends it
 * and removes its folder.
 */
export async function startRedis(
  options: { port?: number } = {},
): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `Redis is not installed (no ${REDIS_SERVER}). ` +
        "Run the README's test command, which installs Debian's redis-server package.",
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'test-redis-'));
  const port = options.port ?? (await findFreePort());
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', d => (output += d));
  child.stderr?.on('data', d => (output += d));
  const exited = new Promise<void>(done => child.on('exit', () => done()));

  const command = async (...args: string[]) => {
    const { stdout } = await execFileAsync(
      REDIS_CLI,
      ['-h', '127.0.0.1', '-p', String(port), '--raw', ...args],
      { timeout: 5_000 },
    );
    return stdout.split('\n').filter(line => line !== '');
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited before answering: ${output}`);
    }
    const answer = await command('PING').catch(() => []);
    if (answer[0] === 'PONG') break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer PING in 10 s: ${output}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }

  return {
    host: '127.0.0.1',
    port,
    url: `redis://127.0.0.1:${port}`,
    command,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
