import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DirectoryPreparer,
  techdocsPreparerExtensionPoint,
  UrlPreparer,
} from '@backstage/plugin-techdocs-node';
import { ContentHashDirPreparer } from './preparer/ContentHashDirPreparer';
import { InfraDocsPreparer } from './preparer/InfraDocsPreparer';

/**
 * TechDocs module: builds the infra repo's `docs/` folder as the docs
 * entity's site, generating the MkDocs configuration in the portal. It
 * takes over the `url:` preparer and hands every other entity to the stock
 * one. It also gives local `dir:` folders (the portal's own docs) a content
 * version, so an unchanged folder is not rebuilt on every visit.
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
        preparers.registerPreparer(
          'dir',
          new ContentHashDirPreparer({
            config,
            fallback: DirectoryPreparer.fromConfig(config, { reader, logger }),
          }),
        );
      },
    });
  },
});
