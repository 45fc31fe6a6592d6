import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  techdocsPreparerExtensionPoint,
  UrlPreparer,
} from '@backstage/plugin-techdocs-node';
import { InfraDocsPreparer } from './preparer/InfraDocsPreparer';

/**
 * TechDocs module: builds the infra repo's `docs/` folder as the docs
 * entity's site, generating the MkDocs configuration in the portal. It
 * takes over the `url:` preparer and hands every other entity to the stock
 * one.
 */
export const techdocsModuleInfraDocs = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'infra-docs',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
        preparers: techdocsPreparerExtensionPoint,
      },
      async init({ logger, config, reader, preparers }) {
        preparers.registerPreparer(
          'url',
          new InfraDocsPreparer({
            reader,
            logger,
            fallback: UrlPreparer.fromConfig({ reader, logger }),
            workingDirectory: config.getOptionalString(
              'backend.workingDirectory',
            ),
          }),
        );
      },
    });
  },
});
