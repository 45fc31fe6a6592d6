import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { NamespaceAccess } from './permissions/NamespaceAccess';
import { NamespaceOwners } from './permissions/NamespaceOwners';
import {
  infraNamespaceResourceRef,
  infraNamespaceRules,
  infraNamespaceScaffoldPermission,
} from './permissions/namespacePermission';
import { createCheckModuleCallsAction } from './actions/checkModuleCalls';
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
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        scaffolderActions,
        config,
        reader,
        logger,
        auth,
        catalog,
        permissions,
        permissionsRegistry,
      }) {
        // Namespaces are a resource of the scaffolder plugin: the portal's
        // policy answers with a condition (IS_NAMESPACE_OWNER) that the
        // permission backend resolves here, through getResources.
        const owners = new NamespaceOwners(catalog, auth);
        permissionsRegistry.addResourceType({
          resourceRef: infraNamespaceResourceRef,
          permissions: [infraNamespaceScaffoldPermission],
          rules: Object.values(infraNamespaceRules),
          getResources: refs => Promise.all(refs.map(ns => owners.lookup(ns))),
        });
        const namespaceAccess = new NamespaceAccess(permissions, owners);
        scaffolderActions.addActions(
          createValidateInputAction({ namespaceAccess }),
          createRefuseExistingAction({ config, reader }),
          createRenderStackAction({ namespaceAccess }),
          createRenderIngressAction({ namespaceAccess }),
          createCheckModuleCallsAction({ config, reader }),
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
