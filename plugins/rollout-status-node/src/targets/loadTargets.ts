import { resolve } from 'node:path';
import { InputError } from '@backstage/errors';
import { RolloutStatusConfig } from '../config/readRolloutStatusConfig';

/**
 * The config's targets with those the infra model derives (when
 * `rolloutStatus.derive` is set): reads the infra repo at
 * `derive.infraPath` (relative to `baseDir`) and builds its model.
 */
export async function loadTargets(
  config: RolloutStatusConfig,
  options: { baseDir: string },
): Promise<RolloutStatusConfig> {
  if (!config.derive) return config;
  // Loaded only when targets are derived: the HCL parser is heavy to load.
  const { buildInfraModel, readLocalTree } = await import(
    '@internal/backstage-plugin-infra-node'
  );
  const { deriveTargets } = await import('./deriveTargets');
  const { withDerivedTargets } = await import('./withDerivedTargets');
  const root = resolve(options.baseDir, config.derive.infraPath);
  let files;
  try {
    files = await readLocalTree(root, {});
  } catch (error) {
    throw new InputError(
      `rolloutStatus.derive.infraPath: cannot read the infra repo at ${root} (${
        (error as Error).message
      }); point it at a checkout of the infra repo`,
    );
  }
  const model = await buildInfraModel(files, {
    criticalPath: config.derive.criticalPath,
  });
  return withDerivedTargets(
    config,
    deriveTargets(model, { criticalPath: config.derive.criticalPath }),
  );
}
