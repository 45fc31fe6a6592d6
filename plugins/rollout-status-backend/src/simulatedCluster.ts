import { resolve } from 'node:path';
import { InputError } from '@backstage/errors';
import {
  LiveChanges,
  buildSimulatedCluster,
  createFixtureApiHandler,
  readLiveChanges,
} from '@internal/backstage-plugin-rollout-status-node';
import express from 'express';
import Router from 'express-promise-router';

type InfraModel = Parameters<typeof buildSimulatedCluster>[0];

/** Where the simulated Kubernetes API answers, under the plugin's base URL. */
export const SIMULATED_CLUSTER_PATH = '/simulated-cluster';

/** The header every simulated answer carries. */
export const SIMULATED_CLUSTER_NOTICE =
  'bundled example data (rolloutStatus.simulatedCluster), not a cluster';

/**
 * The bundled simulated cluster as a route of this plugin: the fixture API
 * handler serving what the infra model declares plus the recorded live
 * changes. Built once at start-up (times relative to then), so every
 * client reads the same objects.
 */
export async function createSimulatedClusterRouter(options: {
  settings: { liveChanges?: string };
  model: InfraModel | undefined;
  baseDir: string;
}): Promise<express.Router> {
  if (!options.model) {
    throw new InputError(
      'rolloutStatus.simulatedCluster: needs rolloutStatus.derive (the infra repo the simulated cluster runs); set derive.infraPath or disable the simulated cluster',
    );
  }
  const changes: LiveChanges = options.settings.liveChanges
    ? await readLiveChanges(
        resolve(options.baseDir, options.settings.liveChanges),
      )
    : { namespaceLabels: {}, changes: [] };
  let recorded;
  try {
    recorded = buildSimulatedCluster(options.model, changes);
  } catch (error) {
    throw new InputError(
      `rolloutStatus.simulatedCluster.liveChanges: ${(error as Error).message}`,
    );
  }
  const handle = createFixtureApiHandler({ recorded: () => recorded });
  const router = Router();
  router.use(SIMULATED_CLUSTER_PATH, (req, res) => {
    // Whoever reads it raw (curl, a kubeconfig) is told it is not a cluster.
    res.setHeader('x-simulated-cluster', SIMULATED_CLUSTER_NOTICE);
    handle(req, res);
  });
  return router;
}
