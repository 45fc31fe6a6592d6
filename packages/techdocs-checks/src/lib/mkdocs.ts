import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './repoRoot';

const run = promisify(execFile);

/** A cold build of the portal's docs takes about a second; this is generous. */
const BUILD_DEADLINE_MS = 60_000;

export interface MkdocsBuild {
  siteDir: string;
  /** `WARNING` lines from mkdocs, without colour codes. */
  warnings: string[];
}

/**
 * Builds the portal's docs with the real `mkdocs` into `siteDir`, the same
 * command the TechDocs local generator runs (`mkdocs build -f ... -d ...`).
 * A config error or a missing theme fails with mkdocs' own message.
 */
export async function buildPortalDocs(siteDir: string): Promise<MkdocsBuild> {
  const { stderr } = await run(
    'mkdocs',
    ['build', '-f', join(REPO_ROOT, 'mkdocs.yml'), '-d', siteDir],
    { cwd: REPO_ROOT, timeout: BUILD_DEADLINE_MS },
  );
  const warnings = stderr
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter(line => line.startsWith('WARNING'));
  return { siteDir, warnings };
}
