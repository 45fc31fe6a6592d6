import fs from 'node:fs';
import path from 'node:path';
import type { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { SkippedFile } from './model/types';
import {
  ClassifyContext,
  skipBeforeReading,
  skipForContent,
} from './hcl/classifyFile';
import { encryptedByAttributes } from './hcl/encrypted';
import { GitAttributes, isGitAttributesPath } from './hcl/gitattributes';
import { InfraReadLimits, resolveReadLimits } from './hcl/limits';
import { eventLoopSlices } from './util/eventLoopSlices';

/**
 * One file of an infra repo, whatever it was read from: a local checkout, a
 * `UrlReaderService.readTree` response, or a scaffolder workspace.
 */
export interface InfraFile {
  /** Repo-relative POSIX path, e.g. `stacks/authentik/main.tf`. */
  path: string;
  /** The file's text; empty when {@link InfraFile.skipped} is set. */
  content: string;
  /**
   * Set by the readers when the file was deliberately not read (git-crypt
   * encrypted, over a size limit, not text): the file exists, its content is
   * not there. `parseInfraFiles` lists it as skipped.
   */
  skipped?: SkippedFile;
}

/** Options of {@link readLocalTree} and {@link filesFromReadTree}. */
export interface ReadInfraTreeOptions {
  /** Repo-relative paths read besides the infra files (the org file). */
  extraPaths?: string[];
  /** Size limits; a file over one is not read (see `InfraReadLimits`). */
  limits?: Partial<InfraReadLimits>;
}

const SKIPPED_DIRS = new Set([
  '.git',
  '.terraform',
  '.terragrunt-cache',
  'node_modules',
]);
/** Reading a checkout lets the event loop run this often. */
const READ_SLICE_MS = 10;

const STACK_FILE = /\.(tf|hcl|tfvars|ya?ml|ini|tpl|txt)$/;

/**
 * The files the model reads: everything under `stacks/` and `modules/` that
 * Terraform, Helm values or PgBouncer read, the repo-level `config.tfvars`,
 * the given extra paths (the org file), and the `.gitattributes` files that
 * can apply to any of them (they say which files are git-crypt encrypted).
 */
export function isInfraRelevantPath(
  p: string,
  extra: ReadonlyArray<string> = [],
): boolean {
  const rel = toPosix(p).replace(/^\/+/, '');
  if (extra.includes(rel)) return true;
  if (rel === 'config.tfvars' || rel === 'terragrunt.hcl') return true;
  if (rel.split('/').some(seg => SKIPPED_DIRS.has(seg))) return false;
  if (isGitAttributesPath(rel)) {
    const dir = rel.slice(0, rel.lastIndexOf('/') + 1);
    return (
      dir === '' ||
      dir.startsWith('stacks/') ||
      dir.startsWith('modules/') ||
      extra.some(e => e.startsWith(dir))
    );
  }
  if (!(rel.startsWith('stacks/') || rel.startsWith('modules/'))) return false;
  return STACK_FILE.test(rel);
}

function byPath(a: InfraFile, b: InfraFile): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A file found by the walk: where it is in the repo, where to read it, how big it is. */
interface FoundFile {
  rel: string;
  abs: string;
  size: number;
  /** For a symbolic link: the repo-relative path of its target. */
  targetRel?: string;
}

/**
 * Reads the relevant files of an infra repo checked out at `root`. Throws
 * `NotFoundError` when the path does not exist or is not a directory; other
 * file system errors (permission denied) are thrown as they are.
 *
 * Files are read as bytes and decoded only when they are text: a file that
 * `.gitattributes` marks `filter=git-crypt`, that starts with the git-crypt
 * header, that holds a NUL byte or that is over its size limit comes back
 * with `skipped` set and no content.
 *
 * Symbolic links: a link to a file inside the repo is read at the link's
 * path, as Terraform would read it. A link to a directory is not followed:
 * git stores a link, not a directory, so a `readTree` of the same repo sees
 * no files there either, and no loop or double reading is possible. Links
 * that leave the repo are ignored.
 */
export async function readLocalTree(
  root: string,
  options: ReadInfraTreeOptions = {},
): Promise<InfraFile[]> {
  let stat;
  try {
    stat = fs.statSync(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotFoundError(`Infra repo path ${root} does not exist`);
    }
    throw e;
  }
  if (!stat.isDirectory()) {
    throw new NotFoundError(`Infra repo path ${root} is not a directory`);
  }
  // Synchronous reads in slices of the event loop: on a repo of 550 files,
  // three times faster than as many parallel async reads.
  const slices = eventLoopSlices(READ_SLICE_MS);
  const rootReal = fs.realpathSync(root);
  const extra = options.extraPaths ?? [];
  const found: FoundFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    await slices.pause();
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        // Only descend where relevant files can be.
        if (
          !rel &&
          entry.name !== 'stacks' &&
          entry.name !== 'modules' &&
          !extra.some(e => e.startsWith(`${entry.name}/`))
        ) {
          continue;
        }
        await walk(abs, relPath);
      } else if (entry.isFile() && isInfraRelevantPath(relPath, extra)) {
        found.push({ rel: relPath, abs, size: fs.statSync(abs).size });
      } else if (
        entry.isSymbolicLink() &&
        isInfraRelevantPath(relPath, extra)
      ) {
        const link = resolveFileLink(rootReal, abs);
        if (link) found.push({ rel: relPath, abs, ...link });
      }
    }
  };
  await walk(root, '');

  const ctx: ClassifyContext = {
    attributes: readAttributes(found),
    limits: resolveReadLimits(options.limits),
  };
  const files: InfraFile[] = [];
  for (const f of found) {
    await slices.pause();
    const before =
      skipBeforeReading(f.rel, f.size, ctx) ??
      (f.targetRel
        ? encryptedByAttributes(f.targetRel, ctx.attributes)
        : undefined);
    files.push(
      before
        ? skippedFile(f.rel, before)
        : fromBytes(f.rel, fs.readFileSync(f.abs), ctx),
    );
  }
  files.sort(byPath);
  return files;
}

/** A link to a regular file inside the repo: its target's size and repo path. */
function resolveFileLink(
  rootReal: string,
  abs: string,
): { size: number; targetRel: string } | undefined {
  let target: string;
  try {
    target = fs.realpathSync(abs);
  } catch {
    return undefined; // a dangling link: there is nothing to read
  }
  if (!isInside(rootReal, target)) return undefined;
  const st = fs.statSync(target);
  if (!st.isFile()) return undefined;
  return { size: st.size, targetRel: toPosix(path.relative(rootReal, target)) };
}

function readAttributes(found: FoundFile[]): GitAttributes {
  return attributesFrom(
    found
      .filter(f => isGitAttributesPath(f.rel))
      .map(f => ({ path: f.rel, bytes: fs.readFileSync(f.abs) })),
  );
}

function attributesFrom(
  sources: Array<{ path: string; bytes: Buffer }>,
): GitAttributes {
  return GitAttributes.fromFiles(
    sources
      .filter(s => !skipForContent(s.path, s.bytes))
      .map(s => ({ path: s.path, content: s.bytes.toString('utf8') })),
  );
}

function fromBytes(
  rel: string,
  bytes: Buffer,
  ctx: ClassifyContext,
): InfraFile {
  // The size again: the file may have grown since it was listed.
  const skip =
    skipBeforeReading(rel, bytes.length, ctx) ?? skipForContent(rel, bytes);
  if (skip) return skippedFile(rel, skip);
  return { path: rel, content: bytes.toString('utf8') };
}

function skippedFile(rel: string, skipped: SkippedFile): InfraFile {
  return { path: rel, content: '', skipped };
}

/**
 * Collects the relevant files of a `readTree` response, with the same
 * checks as {@link readLocalTree}. The response holds every file's bytes
 * already; to keep large files out of memory altogether, pass
 * `isInfraRelevantPath` as the `filter` of `readTree`.
 */
export async function filesFromReadTree(
  response: UrlReaderServiceReadTreeResponse,
  options: ReadInfraTreeOptions = {},
): Promise<InfraFile[]> {
  const extra = options.extraPaths ?? [];
  const relevant = (await response.files())
    .map(file => ({ rel: toPosix(file.path).replace(/^\/+/, ''), file }))
    .filter(({ rel }) => isInfraRelevantPath(rel, extra));
  const sources = await Promise.all(
    relevant
      .filter(({ rel }) => isGitAttributesPath(rel))
      .map(async ({ rel, file }) => ({
        path: rel,
        bytes: await file.content(),
      })),
  );
  const ctx: ClassifyContext = {
    attributes: attributesFrom(sources),
    limits: resolveReadLimits(options.limits),
  };
  const out: InfraFile[] = [];
  for (const { rel, file } of relevant) {
    const encrypted = encryptedByAttributes(rel, ctx.attributes);
    if (encrypted) {
      out.push(skippedFile(rel, encrypted));
      continue;
    }
    out.push(fromBytes(rel, await file.content(), ctx));
  }
  out.sort(byPath);
  return out;
}
