import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { RenderedFile } from '../render/types';

/**
 * Writes rendered files into the task workspace, never over an existing
 * file: every target is checked before the first one is written, and each
 * is then created with `wx` so a race cannot overwrite either.
 */
export async function writeNewFiles(
  workspacePath: string,
  files: ReadonlyArray<RenderedFile>,
): Promise<string[]> {
  const targets = files.map(f => ({
    file: f,
    abs: resolveSafeChildPath(workspacePath, f.path),
  }));
  for (const t of targets) {
    if (await exists(t.abs)) {
      throw new ConflictError(
        `${t.file.path} already exists in the workspace; the template never overwrites a file.`,
      );
    }
  }
  for (const t of targets) {
    await fs.mkdir(path.dirname(t.abs), { recursive: true });
    await fs.writeFile(t.abs, t.file.content, { encoding: 'utf8', flag: 'wx' });
  }
  return files.map(f => f.path);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
