import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { PortalCacheClient } from './PortalCacheClient';
import { createRedisCacheStore } from './redisCacheStore';

/**
 * The cache service: Backstage's for every store but Redis, ours for Redis
 * (one connection per process, see {@link createRedisCacheStore}), with
 * the same config (`backend.cache.store: redis`, `backend.cache.connection`
 * as a URL).
 */
export const portalCacheServiceFactory = createServiceFactory({
  service: coreServices.cache,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.rootLogger,
    plugin: coreServices.pluginMetadata,
  },
  async createRootContext({ config, logger }) {
    const store = config.getOptionalString('backend.cache.store');
    const connection = config.getOptional('backend.cache.connection');
    if (store !== 'redis' || typeof connection !== 'string')
      return { manager: CacheManager.fromConfig(config, { logger }) };
    return {
      redis: createRedisCacheStore(
        connection,
        logger.child({ type: 'cacheManager' }),
      ),
    };
  },
  async factory({ plugin }, root) {
    if (root.manager) return root.manager.forPlugin(plugin.getId());
    return new PortalCacheClient(root.redis!, plugin.getId());
  },
});
