import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import type { CacheService } from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { ConfigReader } from '@backstage/config';
import { startRedis, TestRedis } from '@internal/test-services';
import { portalCacheServiceFactory } from './cacheServiceFactory';
import { RedisNamespaceStore, connectRedisCache } from './redisCacheStore';

jest.setTimeout(60_000);

const cacheConfig = (redis: TestRedis, cache: object = {}) => ({
  backend: { cache: { store: 'redis', connection: redis.url, ...cache } },
});

/** One backend process of the portal: its cache service, per plugin. */
function backendProcess(redis: TestRedis, cache: object = {}) {
  const tester = ServiceFactoryTester.from(portalCacheServiceFactory, {
    dependencies: [
      mockServices.rootConfig.factory({ data: cacheConfig(redis, cache) }),
      mockServices.rootLogger.factory(),
    ],
  });
  return { cacheOf: (pluginId: string) => tester.getSubject(pluginId) };
}

/** One backend process of the portal: its cache service for a plugin. */
async function replica(redis: TestRedis, cache: object = {}) {
  return {
    cache: await backendProcess(redis, cache).cacheOf('rollout-status'),
  };
}

const base64 = (key: string) => Buffer.from(key).toString('base64');

/** Writes and reads `value` until Redis takes it (for up to 10 s): what the cache then answers. */
async function writtenOnceUp(cache: CacheService, value: string) {
  let answer: unknown;
  for (let i = 0; i < 50 && answer === undefined; i++) {
    await cache.set('status', value);
    answer = await cache.get('status');
    if (answer === undefined) await new Promise(r => setTimeout(r, 200));
  }
  return answer;
}

describe('the portal cache on Redis', () => {
  let redis: TestRedis;
  beforeEach(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await redis?.stop();
  });

  it('is shared by the replicas, with its TTL', async () => {
    const [one, two] = [await replica(redis), await replica(redis)];
    await one.cache.set('status', { verdict: 'safe' }, { ttl: 60_000 });
    expect(await two.cache.get('status')).toEqual({ verdict: 'safe' });
    const [key] = await redis.command('--scan', '--pattern', '*');
    expect(Number((await redis.command('PTTL', key))[0])).toBeGreaterThan(
      50_000,
    );
    await two.cache.delete('status');
    expect(await one.cache.get('status')).toBeUndefined();
  });

  it('writes its keys under the configured prefix, with the default TTL', async () => {
    const { cache } = await replica(redis, {
      defaultTtl: { hours: 1 },
      redis: { client: { namespace: 'infra-portal' } },
    });
    await cache.set('status', 'x');
    const [key] = await redis.command('--scan', '--pattern', '*');
    expect(key).toMatch(/^infra-portal:rollout-status:/);
    const ttl = Number((await redis.command('PTTL', key))[0]);
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it("keeps each plugin's keys under its own name, whichever plugin's cache was made last", async () => {
    const prefix = { redis: { client: { namespace: 'infra-portal' } } };
    const one = backendProcess(redis, prefix);
    const two = backendProcess(redis, prefix);
    // The two processes make their plugins' caches in opposite orders.
    const oneRollout = await one.cacheOf('rollout-status');
    const oneTechdocs = await one.cacheOf('techdocs');
    const twoTechdocs = await two.cacheOf('techdocs');
    const twoRollout = await two.cacheOf('rollout-status');

    await oneRollout.set('status:authentik', 'polled by one');
    await twoTechdocs.set('status:authentik', 'a techdocs entry');
    expect(await twoRollout.get('status:authentik')).toBe('polled by one');
    expect(await oneTechdocs.get('status:authentik')).toBe('a techdocs entry');
    expect((await redis.command('--scan', '--pattern', '*')).sort()).toEqual([
      `infra-portal:rollout-status:${base64('status:authentik')}`,
      `infra-portal:techdocs:${base64('status:authentik')}`,
    ]);
  });

  it("reads what Backstage's own Redis cache wrote, and the other way round", async () => {
    const config = cacheConfig(redis, {
      redis: { client: { namespace: 'infra-portal' } },
    });
    const manager = CacheManager.fromConfig(new ConfigReader(config));
    const backstage = manager.forPlugin('rollout-status');
    const ours = (await replica(redis, config.backend.cache)).cache;
    try {
      await backstage.set('written by backstage', { verdict: 'safe' });
      expect(await ours.get('written by backstage')).toEqual({
        verdict: 'safe',
      });
      await ours.set('written by the portal', ['a', 1]);
      expect(await backstage.get('written by the portal')).toEqual(['a', 1]);
      // A key long enough to be hashed, as both clients hash it.
      const long = 'k'.repeat(300);
      await ours.set(long, 'long');
      expect(await backstage.get(long)).toBe('long');
    } finally {
      // Backstage's client has no close, and its Redis client no error
      // listener: stopping Redis under it would end the test run. The
      // plugin's Keyv store (internal to the manager) can disconnect.
      await (
        manager as unknown as {
          getClientWithTtl(pluginId: string): { disconnect(): Promise<void> };
        }
      )
        .getClientWithTtl('rollout-status')
        .disconnect();
    }
  });

  it("clears one plugin's keys, not those of a plugin whose name starts the same", async () => {
    const logger = mockServices.rootLogger();
    const connection = connectRedisCache(redis.url, logger);
    try {
      const rollout = new RedisNamespaceStore(connection, 'p:rollout-status');
      const longer = new RedisNamespaceStore(connection, 'p:rollout-status-x');
      await rollout.set('a', '1');
      await rollout.set('b*', '2');
      await longer.set('a', '3');
      await rollout.clear();
      expect(await redis.command('--scan', '--pattern', '*')).toEqual([
        'p:rollout-status-x:a',
      ]);
    } finally {
      await connection.client.quit();
    }
  });

  it('starts while Redis is down: misses at once, answers once Redis is up', async () => {
    const port = redis.port;
    await redis.stop();
    const { cache } = await replica(redis);

    const started = Date.now();
    expect(await cache.get('status')).toBeUndefined();
    await cache.set('status', 'while down');
    expect(await cache.get('status')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);

    redis = await startRedis({ port });
    expect(await writtenOnceUp(cache, 'up')).toBe('up');
  });

  it('outlives a Redis restart: misses while it is down, answers again after', async () => {
    const { cache } = await replica(redis);
    await cache.set('status', 'before');
    expect(await cache.get('status')).toBe('before');
    const port = redis.port;
    await redis.stop();

    const started = Date.now();
    expect(await cache.get('status')).toBeUndefined();
    await cache.set('status', 'while down');
    expect(Date.now() - started).toBeLessThan(5_000);

    redis = await startRedis({ port });
    expect(await writtenOnceUp(cache, 'after')).toBe('after');
  });
});
