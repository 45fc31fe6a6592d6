import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { PortalCacheClient } from './PortalCacheClient';
import { RedisNamespaceStore, connectRedisCache } from './redisCacheStore';

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
  async createRootContext({ config, logger }) {
    const store = config.getOptionalString('backend.cache.store');
    const connection = config.getOptional('backend.cache.connection');
    if (store !== 'redis' || typeof connection !== 'string')
      return { manager: CacheManager.fromConfig(config, { logger }) };
    const ttl = config.getOptional('backend.cache.defaultTtl');
    const defaultTtl =
      ttl === undefined || typeof ttl === 'number'
        ? ttl
        : durationToMilliseconds(
            readDurationFromConfig(config, { key: 'backend.cache.defaultTtl' }),
          );
    return {
      redis: connectRedisCache(
        connection,
        logger.child({ type: 'cacheManager' }),
      ),
      prefix: config.getOptionalString('backend.cache.redis.client.namespace'),
      separator:
        config.getOptionalString(
          'backend.cache.redis.client.keyPrefixSeparator',
        ) || ':',
      defaultTtl,
    };
  },
  async factory({ plugin }, root) {
    if (root.manager) return root.manager.forPlugin(plugin.getId());
    const { separator = ':' } = root;
    const namespace = root.prefix
      ? `${root.prefix}${separator}${plugin.getId()}`
      : plugin.getId();
    const store = new RedisNamespaceStore(root.redis!, namespace, separator);
    return new PortalCacheClient(store, {
      defaultTtl: root.defaultTtl,
    });
  },
});
