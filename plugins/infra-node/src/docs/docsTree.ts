import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';

/** The infra repo's docs folder, relative to the repo root. */
export const INFRA_DOCS_FOLDER = 'docs';

/** A file of the docs folder: Markdown pages and what they link to (images, HTML). */
export interface DocsFile {
  /** Path inside the docs folder, POSIX separators, e.g. `runbooks/a.md`. */
  path: string;
  content: Buffer;
}

/** A file of the docs folder that was not read, and why. */
export interface SkippedDocsFile {
  path: string;
  reason: string;
}

export interface DocsTree {
  files: DocsFile[];
  skipped: SkippedDocsFile[];
  /** Hash of every path and content: equal trees, equal fingerprints. */
  fingerprint: string;
}

/** Larger files are left out (and listed as skipped): docs are text and pictures. */
export const MAX_DOCS_FILE_BYTES = 10 * 1024 * 1024;

function isHidden(rel: string): boolean {
  return rel.split('/').some(seg => seg.startsWith('.'));
}

function fingerprintOf(files: DocsFile[]): string {
  const hash = createHash('sha1');
  for (const f of files) {
    hash.update(f.path).update('\0');
    hash.update(createHash('sha1').update(f.content).digest('hex'));
    hash.update('\n');
  }
  return hash.digest('hex');
}

function byPath(a: { path: string }, b: { path: string }): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}

function finish(files: DocsFile[], skipped: SkippedDocsFile[]): DocsTree {
  files.sort(byPath);
  skipped.sort(byPath);
  return { files, skipped, fingerprint: fingerprintOf(files) };
}

/**
 * Reads a docs folder of a local checkout. Symbolic links are not followed
 * (a link could point anywhere on the portal's host); hidden files are left
 * out. A missing folder is an empty tree, not an error: a repo may have no
 * docs.
 */
export async function readLocalDocsTree(docsRoot: string): Promise<DocsTree> {
  const files: DocsFile[] = [];
  const skipped: SkippedDocsFile[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
      throw e;
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (isHidden(childRel)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        skipped.push({
          path: childRel,
          reason: 'a symbolic link (not followed)',
        });
      } else if (entry.isDirectory()) {
        await walk(full, childRel);
      } else if (entry.isFile()) {
        const { size } = await fs.stat(full);
        if (size > MAX_DOCS_FILE_BYTES) {
          skipped.push({
            path: childRel,
            reason: `larger than ${MAX_DOCS_FILE_BYTES} bytes`,
          });
          continue;
        }
        files.push({ path: childRel, content: await fs.readFile(full) });
      }
    }
  }
  await walk(docsRoot, '');
  return finish(files, skipped);
}

/**
 * The docs folder's files from a `readTree` response (a URL integration).
 * `prefix` is the folder inside the response (`docs/` when the tree is the
 * whole repo, empty when it is the docs folder itself).
 */
export async function docsTreeFromReadTree(
  response: UrlReaderServiceReadTreeResponse,
  prefix: string,
): Promise<DocsTree> {
  const files: DocsFile[] = [];
  const skipped: SkippedDocsFile[] = [];
  const base = prefix ? `${prefix.replace(/\/+$/, '')}/` : '';
  for (const file of await response.files()) {
    const full = file.path.split(path.sep).join('/').replace(/^\/+/, '');
    if (!full.startsWith(base)) continue;
    const rel = full.slice(base.length);
    if (!rel || isHidden(rel)) continue;
    const content = await file.content();
    if (content.length > MAX_DOCS_FILE_BYTES) {
      skipped.push({
        path: rel,
        reason: `larger than ${MAX_DOCS_FILE_BYTES} bytes`,
      });
      continue;
    }
    files.push({ path: rel, content });
  }
  return finish(files, skipped);
}
