import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createForgejoPullRequestAction } from './actions/forgejoPullRequest';
import { createPublishTargetAction } from './actions/publishTarget';
import { createRefuseExistingAction } from './actions/refuseExisting';
import { createRenderIngressAction } from './actions/renderIngress';
import { createRenderStackAction } from './actions/renderStack';
import { createValidateInputAction } from './actions/validateInput';
import { createValidateStackAction } from './actions/validateStack';

/**
 * The infra actions for the new-app and add-ingress templates: validate the
 * input, render Terraform safely, check it with the catalog's convention
 * checks, refuse names that are taken, and open the pull request.
 */
export const scaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'infra',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
        logger: coreServices.logger,
      },
      async init({ scaffolderActions, config, reader, logger }) {
        scaffolderActions.addActions(
          createValidateInputAction(),
          createRefuseExistingAction({ config, reader }),
          createRenderStackAction(),
          createRenderIngressAction(),
          createValidateStackAction(),
          createPublishTargetAction({ config }),
          createForgejoPullRequestAction({ config }),
        );
        if (!config.has('scaffolder.infra.repo')) {
          logger.warn(
            'scaffolder.infra.repo is not set: infra:refuse-existing will refuse every run until it is',
          );
        }
      },
    });
  },
});
