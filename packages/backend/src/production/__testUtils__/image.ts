import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import {
  repoRoot,
  SpawnedBackend,
  supervise,
} from '../../__testUtils__/spawnBackend';
import { AssembledImage, runFinalStage } from './dockerfile';

const execFileAsync = promisify(execFile);

const YARN = path.join(repoRoot, '.yarn/releases/yarn-4.13.0.cjs');

/**
 * A folder with a `yarn` command first on PATH: backstage-cli runs `yarn`
 * to build the frontend, and this machine has no global yarn (the image has
 * one, from the Node base image).
 */
async function yarnOnPath(): Promise<{
  PATH: string;
  cleanup(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yarn-bin-'));
  await writeFile(
    path.join(dir, 'yarn'),
    `#!/bin/sh\nexec "${process.execPath}" "${YARN}" "$@"\n`,
    { mode: 0o755 },
  );
  return {
    PATH: `${dir}:${path.dirname(process.execPath)}:${process.env.PATH}`,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The Dockerfile's build stage on this checkout: `backstage-cli package
 * build` in packages/backend, which writes dist/skeleton.tar.gz and
 * dist/bundle.tar.gz (and builds packages/app/dist, which the bundle
 * carries). Returns the seconds it took.
 */
export async function buildBackendBundle(): Promise<number> {
  const started = Date.now();
  const yarn = await yarnOnPath();
  try {
    await execFileAsync(
      process.execPath,
      [require.resolve('@backstage/cli/bin/backstage-cli'), 'package', 'build'],
      {
        cwd: path.join(repoRoot, 'packages/backend'),
        // As in the image build; Jest's NODE_ENV=test would select no
        // browserslist environment of packages/app.
        env: { ...process.env, PATH: yarn.PATH, NODE_ENV: 'production' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      },
    );
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `backstage-cli package build failed: ${e.message}\n${e.stdout}\n${e.stderr}`,
    );
  } finally {
    await yarn.cleanup();
  }
  return (Date.now() - started) / 1000;
}

/**
 * The Dockerfile's final stage, run in a new temp folder from the bundle
 * built above. Yarn links from its global store with hard links
 * (`YARN_NM_MODE=hardlinks-global`) instead of copying every file: the same
 * packages from the same lockfile, in seconds instead of minutes here.
 */
export async function assembleImage(): Promise<AssembledImage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-image-'));
  const yarn = await yarnOnPath();
  try {
    return await runFinalStage({
      dockerfile: path.join(repoRoot, 'Dockerfile'),
      context: repoRoot,
      dir,
      extraEnv: { PATH: yarn.PATH, YARN_NM_MODE: 'hardlinks-global' },
    });
  } finally {
    await yarn.cleanup();
  }
}

/**
 * Starts the image's command in its folder, as the container would, with
 * `args` in place of CMD (as the Deployment's `args` do) and `overlay`
 * written to a config file loaded last.
 */
export async function startImage(
  image: AssembledImage,
  options: { args: string[]; overlay: object; env: Record<string, string> },
): Promise<SpawnedBackend & { startedAt: number }> {
  const overlayDir = await mkdtemp(path.join(tmpdir(), 'portal-overlay-'));
  const overlayFile = path.join(overlayDir, 'app-config.test.yaml');
  await writeFile(overlayFile, stringify(options.overlay));
  const [command, ...entryArgs] = image.entrypoint;
  const startedAt = Date.now();
  const child = spawn(
    command === 'node' ? process.execPath : command,
    [...entryArgs, ...options.args, '--config', overlayFile],
    {
      cwd: image.dir,
      // Only what a container gets: the image's ENV and the Deployment's.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...image.env,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  return {
    ...supervise(child, () => rm(overlayDir, { recursive: true, force: true })),
    startedAt,
  };
}

/** Resident memory of a process, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
