import fs from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '@backstage/errors';
import { InfraFile } from '@internal/backstage-plugin-infra-node';
import { GitAuth, runGit } from './git';

/**
 * Clones the base branch, adds the files on a new branch and pushes it.
 * Refuses (before committing) when a file already exists in the repo, so a
 * pull request never rewrites an existing stack.
 */
export async function pushBranchWithFiles(opts: {
  gitUrl: string;
  baseBranch: string;
  branch: string;
  files: ReadonlyArray<InfraFile>;
  commitMessage: string;
  /** A folder that does not exist yet, in a temporary directory. */
  checkoutDir: string;
  timeoutMs: number;
  auth?: GitAuth;
  signal?: AbortSignal;
}): Promise<{ commit: string }> {
  const git = (args: string[], cwd = opts.checkoutDir) =>
    runGit(args, {
      cwd,
      timeoutMs: opts.timeoutMs,
      auth: opts.auth,
      signal: opts.signal,
    });
  // The checkout folder must not exist yet: git creates it.
  await git(
    [
      'clone',
      '--depth',
      '1',
      '--branch',
      opts.baseBranch,
      '--',
      opts.gitUrl,
      opts.checkoutDir,
    ],
    path.dirname(opts.checkoutDir),
  );
  await git(['checkout', '-b', opts.branch]);
  for (const f of opts.files) {
    const abs = path.resolve(opts.checkoutDir, f.path);
    if (
      !abs.startsWith(`${opts.checkoutDir}${path.sep}`) ||
      f.path.split('/').includes('.git')
    ) {
      throw new ConflictError(
        `Refusing to write ${f.path} outside the repository`,
      );
    }
    try {
      await fs.lstat(abs);
      throw new ConflictError(
        `${f.path} already exists on ${opts.baseBranch}; the template never overwrites a file.`,
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, f.content, { encoding: 'utf8', flag: 'wx' });
  }
  await git(['add', '--', ...opts.files.map(f => f.path)]);
  await git([
    '-c',
    'user.name=Infra Portal',
    '-c',
    'user.email=infra-portal@noreply.local',
    'commit',
    '--no-verify',
    '-m',
    opts.commitMessage,
  ]);
  const commit = (await git(['rev-parse', 'HEAD'])).trim();
  await git(['push', '--', 'origin', `HEAD:refs/heads/${opts.branch}`]);
  return { commit };
}
