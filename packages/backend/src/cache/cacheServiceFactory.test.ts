import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { startRedis, TestRedis } from '@internal/test-services';
import { portalCacheServiceFactory } from './cacheServiceFactory';

jest.setTimeout(60_000);

/** One backend process of the portal: its cache service for a plugin. */
async function replica(redis: TestRedis, cache: object = {}) {
  const tester = ServiceFactoryTester.from(portalCacheServiceFactory, {
    dependencies: [
      mockServices.rootConfig.factory({
        data: {
          backend: {
            cache: { store: 'redis', connection: redis.url, ...cache },
          },
        },
      }),
      mockServices.rootLogger.factory(),
    ],
  });
  return { cache: await tester.getSubject('rollout-status') };
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
    let answer: unknown;
    for (let i = 0; i < 50 && answer === undefined; i++) {
      await cache.set('status', 'after');
      answer = await cache.get('status');
      if (answer === undefined) await new Promise(r => setTimeout(r, 200));
    }
    expect(answer).toBe('after');
  });
});
