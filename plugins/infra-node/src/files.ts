import fs from 'node:fs/promises';
import path from 'node:path';
import type { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';

/**
 * One file of an infra repo, whatever it was read from: a local checkout, a
 * `UrlReaderService.readTree` response, or a scaffolder workspace.
 */
export interface InfraFile {
  /** Repo-relative POSIX path, e.g. `stacks/authentik/main.tf`. */
  path: string;
  content: string;
}

const SKIPPED_DIRS = new Set([
  '.git',
  '.terraform',
  '.terragrunt-cache',
  'node_modules',
]);
const STACK_FILE = /\.(tf|hcl|tfvars|ya?ml|ini|tpl|txt)$/;

/**
 * The files the model reads: everything under `stacks/` and `modules/` that
 * Terraform, Helm values or PgBouncer read, the repo-level `config.tfvars`,
 * and the given extra paths (the org file).
 */
export function isInfraRelevantPath(
  p: string,
  extra: ReadonlyArray<string> = [],
): boolean {
  const rel = toPosix(p).replace(/^\/+/, '');
  if (extra.includes(rel)) return true;
  if (rel === 'config.tfvars' || rel === 'terragrunt.hcl') return true;
  if (!(rel.startsWith('stacks/') || rel.startsWith('modules/'))) return false;
  if (rel.split('/').some(seg => SKIPPED_DIRS.has(seg))) return false;
  return STACK_FILE.test(rel);
}

function byPath(a: InfraFile, b: InfraFile): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Reads the relevant files of an infra repo checked out at `root`. Throws
 * `NotFoundError` when the path does not exist or is not a directory; other
 * file system errors (permission denied) are thrown as they are.
 */
export async function readLocalTree(
  root: string,
  options: { extraPaths?: string[] } = {},
): Promise<InfraFile[]> {
  let stat;
  try {
    stat = await fs.stat(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotFoundError(`Infra repo path ${root} does not exist`);
    }
    throw e;
  }
  if (!stat.isDirectory()) {
    throw new NotFoundError(`Infra repo path ${root} is not a directory`);
  }
  const extra = options.extraPaths ?? [];
  const files: InfraFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async entry => {
        const relPath = rel ? `${rel}/${entry.name}` : entry.name;
        const abs = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (SKIPPED_DIRS.has(entry.name)) return;
          // Only descend where relevant files can be.
          if (
            !rel &&
            entry.name !== 'stacks' &&
            entry.name !== 'modules' &&
            !extra.some(e => e.startsWith(`${entry.name}/`))
          ) {
            return;
          }
          await walk(abs, relPath);
        } else if (entry.isFile() && isInfraRelevantPath(relPath, extra)) {
          files.push({
            path: relPath,
            content: await fs.readFile(abs, 'utf8'),
          });
        }
      }),
    );
  };
  await walk(root, '');
  files.sort(byPath);
  return files;
}

/** Collects the relevant files of a `readTree` response. */
export async function filesFromReadTree(
  response: UrlReaderServiceReadTreeResponse,
  options: { extraPaths?: string[] } = {},
): Promise<InfraFile[]> {
  const extra = options.extraPaths ?? [];
  const out: InfraFile[] = [];
  for (const file of await response.files()) {
    const rel = toPosix(file.path).replace(/^\/+/, '');
    if (!isInfraRelevantPath(rel, extra)) continue;
    const buf = await file.content();
    out.push({ path: rel, content: buf.toString('utf8') });
  }
  out.sort(byPath);
  return out;
}
