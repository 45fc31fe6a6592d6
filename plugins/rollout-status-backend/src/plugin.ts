import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { rolloutStatusPermissions } from '@internal/backstage-plugin-rollout-status-common';
import {
  RolloutStatusCheck,
  loadSnapshot,
  loadTargetsWithModel,
  readRolloutStatusConfig,
  rolloutStatusChecksExtensionPoint,
} from '@internal/backstage-plugin-rollout-status-node';
import { createRouter } from './router';
import {
  SIMULATED_CLUSTER_PATH,
  createSimulatedClusterRouter,
} from './simulatedCluster';
import { createRolloutStatusService } from './services/RolloutStatusService/createRolloutStatusService';

/**
 * The rollout-status backend: polls authentik/PgBouncer targets on a
 * schedule and serves their checks and preflight verdict.
 *
 * @public
 */
export const rolloutStatusPlugin = createBackendPlugin({
  pluginId: 'rollout-status',
  register(env) {
    const additionalChecks: RolloutStatusCheck[] = [];
    env.registerExtensionPoint(rolloutStatusChecksExtensionPoint, {
      addCheck(check) {
        additionalChecks.push(check);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        logger,
        cache,
        scheduler,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(rolloutStatusPermissions);
        if (!config.has('rolloutStatus')) {
          logger.warn(
            'No rolloutStatus config: the rollout-status plugin serves an empty target list',
          );
        }
        // Targets derived from the infra model (rolloutStatus.derive) join
        // the configured ones; paths resolve against the backend's folder.
        const { config: rolloutConfig, model } = await loadTargetsWithModel(
          readRolloutStatusConfig(
            config.getOptional('rolloutStatus'),
            config.getOptional('kubernetes.clusterLocatorMethods'),
          ),
          { baseDir: process.cwd() },
        );
        if (rolloutConfig.simulatedCluster) {
          httpRouter.use(
            await createSimulatedClusterRouter({
              settings: rolloutConfig.simulatedCluster,
              model,
              baseDir: process.cwd(),
            }),
          );
          // The official client (ours and the stock Kubernetes backend's)
          // calls it like any API server, without a Backstage token.
          httpRouter.addAuthPolicy({
            path: SIMULATED_CLUSTER_PATH,
            allow: 'unauthenticated',
          });
          logger.warn(
            `rollout-status serves a SIMULATED Kubernetes API at /api/rollout-status${SIMULATED_CLUSTER_PATH} (rolloutStatus.simulatedCluster): development data, not a cluster`,
          );
        }
        // Fail at startup, naming the key, rather than on every poll.
        for (const [index, target] of rolloutConfig.targets.entries()) {
          if (target.snapshot) {
            await loadSnapshot(
              target.snapshot,
              `rolloutStatus.targets[${index}].snapshot`,
            );
          }
        }
        const rolloutStatus = await createRolloutStatusService({
          config: rolloutConfig,
          cache,
          scheduler,
          logger,
          additionalChecks,
        });
        httpRouter.use(
          await createRouter({ httpAuth, permissions, rolloutStatus }),
        );
        logger.info('rollout-status targets configured', {
          targets: rolloutConfig.targets.map(t => t.id).join(','),
          intervalSeconds: rolloutConfig.intervalSeconds,
        });
      },
    });
  },
});
