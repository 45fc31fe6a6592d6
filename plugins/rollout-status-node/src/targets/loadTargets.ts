import { resolve } from 'node:path';
import { InputError } from '@backstage/errors';
// Imported statically: a dynamic import() of the workspace package lost its
// named exports in the bundled backend ("readLocalTree is not a function").
import {
  InfraModel,
  buildInfraModel,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';
import { deriveTargets } from './deriveTargets';
import { withDerivedTargets } from './withDerivedTargets';
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
  return (await loadTargetsWithModel(config, options)).config;
}

/**
 * {@link loadTargets}, and the infra model the targets were derived from
 * (undefined without `rolloutStatus.derive`), for what else runs on it
 * (the simulated cluster).
 */
export async function loadTargetsWithModel(
  config: RolloutStatusConfig,
  options: { baseDir: string },
): Promise<{ config: RolloutStatusConfig; model?: InfraModel }> {
  if (!config.derive) return { config };
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
  return {
    config: withDerivedTargets(
      config,
      deriveTargets(model, { criticalPath: config.derive.criticalPath }),
    ),
    model,
  };
}
