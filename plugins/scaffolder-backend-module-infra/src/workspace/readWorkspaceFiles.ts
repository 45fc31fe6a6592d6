import fs from 'node:fs/promises';
import path from 'node:path';
import { InfraFile } from '@internal/backstage-plugin-infra-node';

/**
 * Every regular file of the workspace (or of one folder in it), as
 * repo-relative POSIX paths with their text. `.git` is skipped; symbolic
 * links are skipped too, so nothing outside the workspace is read.
 */
export async function readWorkspaceFiles(
  workspacePath: string,
  under = '',
): Promise<InfraFile[]> {
  const out: InfraFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    const abs = path.join(workspacePath, rel);
    let entries;
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(childRel);
      } else if (entry.isFile()) {
        out.push({
          path: childRel,
          content: await fs.readFile(
            path.join(workspacePath, childRel),
            'utf8',
          ),
        });
      }
    }
  };
  await walk(under);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
