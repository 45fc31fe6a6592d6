import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import {
  searchEngineRegistryExtensionPoint,
  searchIndexRegistryExtensionPoint,
} from '@backstage/plugin-search-backend-node/alpha';
import { excludeKindsDecoratorFactory } from './decorators/ExcludeKindsDecorator';
import { topSectionDedupeDecoratorFactory } from './decorators/TopSectionDedupeDecorator';
import { RankedSearchEngine } from './engine/RankedSearchEngine';
import { createPreferredDocs } from './sources/preferredDocs';

const DEFAULT_EXCLUDED_KINDS = ['Location'];

/**
 * Search module: picks the engine (PostgreSQL's when the backend's
 * database is PostgreSQL, Lunr in memory otherwise), puts the ranking layer
 * in front of it, and cleans what is indexed (no catalog Locations, no
 * duplicate of a page's top heading). Replaces
 * `@backstage/plugin-search-backend-module-pg`: only one engine can be set.
 */
export const searchModuleInfra = createBackendModule({
  pluginId: 'search',
  moduleId: 'infra',
  register({ registerInit }) {
    registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        engines: searchEngineRegistryExtensionPoint,
        index: searchIndexRegistryExtensionPoint,
      },
      async init({ logger, config, database, auth, catalog, engines, index }) {
        const onPostgres = await PgSearchEngine.supported(database);
        const engine = onPostgres
          ? await PgSearchEngine.fromConfig(config, { database, logger })
          : new LunrSearchEngine({ logger });
        logger.info(
          `Search engine: ${
            onPostgres ? 'PostgreSQL' : 'Lunr (in memory)'
          }, ordered by the infra ranking`,
        );
        engines.setSearchEngine(
          new RankedSearchEngine({
            engine,
            preferred: createPreferredDocs({ catalog, auth, logger }),
          }),
        );
        index.addDecorator({
          factory: excludeKindsDecoratorFactory(
            config.getOptionalStringArray('search.infra.excludeKinds') ??
              DEFAULT_EXCLUDED_KINDS,
          ),
        });
        index.addDecorator({ factory: topSectionDedupeDecoratorFactory });
      },
    });
  },
});
