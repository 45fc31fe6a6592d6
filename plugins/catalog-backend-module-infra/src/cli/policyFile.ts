import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  ConventionPolicy,
  readConventionPolicy,
} from '@internal/backstage-plugin-infra-node';
import { parse as parseYaml } from 'yaml';
import { UsageError } from './args';

/**
 * The convention policy of the portal's app-config files, so the preview
 * judges the repo the way the catalog does. Later files win, as in the
 * backend. Environment substitutions are not needed: the policy has none.
 */
export async function readPolicyFiles(
  files: ReadonlyArray<string>,
  cwd: string,
): Promise<ConventionPolicy | undefined> {
  if (files.length === 0) return undefined;
  const configs = [];
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    let data: unknown;
    try {
      data = parseYaml(await fs.readFile(abs, 'utf8'));
    } catch (e) {
      throw new UsageError(
        `--config ${file}: cannot read it as YAML (${(e as Error).message})`,
      );
    }
    configs.push({ data: (data ?? {}) as Record<string, never>, context: abs });
  }
  try {
    return readConventionPolicy(ConfigReader.fromConfigs(configs));
  } catch (e) {
    throw new UsageError(`--config: ${(e as Error).message}`);
  }
}
