import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { PortalCacheClient } from './PortalCacheClient';
import {
  DEFAULT_KEY_SEPARATOR,
  RedisNamespaceStore,
  connectRedisCache,
} from './redisCacheStore';

/**
 * The cache service: Backstage's for every store but Redis, ours for Redis
 * (one connection per process, see {@link connectRedisCache}), with
 * the same config: `backend.cache.store: redis`, `backend.cache.connection`
 * as a URL, `backend.cache.defaultTtl`, and the key prefix
 * `backend.cache.redis.client.namespace` with its separator
 * `backend.cache.redis.client.keyPrefixSeparator` (keys are
 * `<namespace>:<plugin>:<key>`, as Backstage's store writes them).
 */
export const portalCacheServiceFactory = createServiceFactory({
  service: coreServices.cache,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.rootLogger,
    plugin: coreServices.pluginMetadata,
  },
  // The root context is how a plugin's cache is made: one Redis connection
  // (or one Backstage cache manager) per process, a client per plugin.
  async createRootContext({ config, logger }) {
    const store = config.getOptionalString('backend.cache.store');
    const url = config.getOptional('backend.cache.connection');
    if (store !== 'redis' || typeof url !== 'string') {
      const manager = CacheManager.fromConfig(config, { logger });
      return (pluginId: string) => manager.forPlugin(pluginId);
    }
    const ttl = config.getOptional('backend.cache.defaultTtl');
    const defaultTtl =
      ttl === undefined || typeof ttl === 'number'
        ? ttl
        : durationToMilliseconds(
            readDurationFromConfig(config, { key: 'backend.cache.defaultTtl' }),
          );
    const prefix = config.getOptionalString(
      'backend.cache.redis.client.namespace',
    );
    const separator =
      config.getOptionalString(
        'backend.cache.redis.client.keyPrefixSeparator',
      ) || DEFAULT_KEY_SEPARATOR;
    const connection = connectRedisCache(
      url,
      logger.child({ type: 'cacheManager' }),
    );
    return (pluginId: string) => {
      const namespace = prefix ? `${prefix}${separator}${pluginId}` : pluginId;
      const pluginStore = new RedisNamespaceStore(
        connection,
        namespace,
        separator,
      );
      return new PortalCacheClient(pluginStore, { defaultTtl });
    };
  },
  async factory({ plugin }, cacheFor) {
    return cacheFor(plugin.getId());
  },
});
