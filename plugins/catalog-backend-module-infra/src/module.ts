import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { SystemDependenciesProcessor } from './processor/SystemDependenciesProcessor';
import { InfraEntityProvider } from './provider/InfraEntityProvider';

/**
 * Catalog module that ingests the infra repo (`catalog.providers.infra`).
 * Without that config it logs a warning and adds nothing.
 */
export const catalogModuleInfra = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'infra-provider',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        reader: coreServices.urlReader,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ logger, config, scheduler, reader, processing }) {
        const provider = InfraEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          reader,
        });
        if (provider) {
          processing.addEntityProvider(provider);
          // Stack-to-stack relations (Terragrunt dependency blocks).
          processing.addProcessor(new SystemDependenciesProcessor());
        }
      },
    });
  },
});
