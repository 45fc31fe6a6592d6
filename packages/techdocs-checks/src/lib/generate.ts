import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ConfigReader } from '@backstage/config';
import { TechdocsGenerator } from '@backstage/plugin-techdocs-node';
import { parse } from 'yaml';
import { createLogger, transports } from 'winston';
import { REPO_ROOT } from './repoRoot';

/**
 * Runs the TechDocs generator exactly as the sync endpoint runs it for
 * `component:default/infra-portal` (input = the repo root that `dir:.`
 * resolves to, the `techdocs` settings of `app-config.yaml`), into a temp
 * dir. Includes what a plain `mkdocs build` does not: the mkdocs.yml
 * sanitising rewrite and the walk of the whole input folder.
 */
export async function generateFromRepoRoot(): Promise<string> {
  const appConfig = parse(
    await readFile(join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  const config = new ConfigReader({ techdocs: appConfig.techdocs });
  // Quiet: the build log is not what is measured.
  const logger = createLogger({
    transports: [new transports.Stream({ stream: new PassThrough() })],
  });
  const generator = TechdocsGenerator.fromConfig(config, {
    logger: {
      error: (message: string) => logger.error(message),
      warn: (message: string) => logger.warn(message),
      info: (message: string) => logger.info(message),
      debug: (message: string) => logger.debug(message),
      child() {
        return this;
      },
    },
  });
  const outputDir = await mkdtemp(join(tmpdir(), 'portal-generate-'));
  await generator.run({
    inputDir: REPO_ROOT,
    outputDir,
    logger,
    logStream: new PassThrough(),
    siteOptions: { name: 'Infra Portal' },
  });
  return outputDir;
}
