import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { targetPaths } from '@backstage/cli-common';
import { stringify } from 'yaml';

export const repoRoot = targetPaths.rootDir;
const backendDir = resolve(repoRoot, 'packages/backend');

/** A real backend process started from this package's sources. */
export interface SpawnedBackend {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts `packages/backend/src/index.ts` the way `backstage-cli package
 * start` does (its TypeScript transform), but without the file watcher, so
 * a backend that exits really exits. `configFiles` are repo-relative;
 * `overlay` is written to a temp YAML file loaded last.
 */
export async function spawnBackend(options: {
  configFiles: string[];
  overlay?: object;
  env?: Record<string, string>;
}): Promise<SpawnedBackend> {
  const dir = await mkdtemp(join(tmpdir(), 'backend-config-'));
  const configArgs = options.configFiles.flatMap(f => [
    '--config',
    resolve(repoRoot, f),
  ]);
  if (options.overlay) {
    const overlayFile = join(dir, 'app-config.test.yaml');
    await writeFile(overlayFile, stringify(options.overlay));
    configArgs.push('--config', overlayFile);
  }
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      ...configArgs,
    ],
    {
      cwd: backendDir,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  return supervise(child, () => rm(dir, { recursive: true, force: true }));
}

/**
 * A started backend process (spawned `detached`, so its group can be
 * signalled): its output collected, its exit awaited, and `stop()` ending
 * it (SIGTERM, SIGKILL after 10 s) before `cleanup` runs.
 */
export function supervise(
  child: ChildProcess,
  cleanup: () => Promise<void>,
): SpawnedBackend {
  let output = '';
  child.stdout?.on('data', d => (output += d));
  child.stderr?.on('data', d => (output += d));
  const exited = new Promise<number | null>(done =>
    child.on('exit', code => done(code)),
  );
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.pid) {
        process.kill(-child.pid, 'SIGTERM');
        const timer = setTimeout(
          () => child.pid && process.kill(-child.pid, 'SIGKILL'),
          10_000,
        );
        await exited;
        clearTimeout(timer);
      }
      await cleanup();
    },
  };
}

/**
 * Polls `url` until it answers 2xx or `timeoutMs` passes; gives up at once
 * when `backend` has exited, with its output in the error.
 */
export async function waitForHttpOk(
  url: string,
  timeoutMs: number,
  options: { headers?: Record<string, string>; backend?: SpawnedBackend } = {},
): Promise<Response> {
  const { headers = {}, backend } = options;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (backend && backend.child.exitCode !== null) {
      throw new Error(
        `backend exited (code ${
          backend.child.exitCode
        }) before ${url} answered:\n${backend.output()}`,
      );
    }
    try {
      const res = await fetch(url, {
        headers,
        signal: AbortSignal.timeout(2_000),
      });
      if (res.ok) return res;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${url} did not answer 2xx within ${timeoutMs} ms (last: ${last})`,
  );
}
