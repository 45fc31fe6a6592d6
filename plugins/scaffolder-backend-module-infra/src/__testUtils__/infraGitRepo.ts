import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const EXAMPLE_REPO = path.resolve(__dirname, '../../../../examples/infra');

function git(args: string[], cwd: string): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/**
 * A bare git repository standing in for the infra repo on Forgejo, seeded
 * with examples/infra on `main`, plus a checkout of it that
 * `scaffolder.infra.repo.localPath` can point at.
 */
export interface InfraGitRepo {
  /** Path of the bare repository (the push URL). */
  remote: string;
  /** A checkout of `main`. */
  checkout: string;
  /** Branch names on the remote. */
  branches(): string[];
  /** Every file of a branch, as repo-relative path to content. */
  filesOf(branch: string): Record<string, string>;
  /** Files a branch adds or changes compared with `main`. */
  changedFiles(branch: string): string[];
  remove(): void;
}

export function createInfraGitRepo(): InfraGitRepo {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-repo-'));
  const remote = path.join(root, 'infra.git');
  const checkout = path.join(root, 'checkout');
  git(['init', '--bare', '--initial-branch=main', remote], root);
  fs.cpSync(EXAMPLE_REPO, checkout, { recursive: true });
  git(['init', '--initial-branch=main'], checkout);
  git(['add', '-A'], checkout);
  git(['commit', '-m', 'Seed from examples/infra'], checkout);
  git(['remote', 'add', 'origin', remote], checkout);
  git(['push', 'origin', 'main'], checkout);

  const cloneOf = (branch: string): string => {
    const dir = fs.mkdtempSync(path.join(root, 'clone-'));
    git(['clone', '--quiet', '--branch', branch, remote, dir], root);
    return dir;
  };
  return {
    remote,
    checkout,
    branches: () =>
      git(['for-each-ref', '--format=%(refname:short)', 'refs/heads'], remote)
        .split('\n')
        .filter(Boolean),
    filesOf(branch) {
      const dir = cloneOf(branch);
      const out: Record<string, string> = {};
      for (const f of git(['ls-files'], dir).split('\n').filter(Boolean)) {
        out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
      }
      return out;
    },
    changedFiles: branch =>
      git(['diff', '--name-only', `main...${branch}`], remote)
        .split('\n')
        .filter(Boolean),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
