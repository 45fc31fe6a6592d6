import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { CacheManager } from '@backstage/backend-defaults/cache';
import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { startRedis } from '@internal/test-services';
import { portalCacheServiceFactory } from '../../cache/cacheServiceFactory';
import { FailureLimiter } from './failureLimiter';
import { readBreakGlassUsers } from './breakGlassUsers';
import {
  hashBreakGlassPassword,
  verifyBreakGlassPassword,
} from './passwordHash';

/** The cache service as development runs it: in this process's memory. */
function memoryCache() {
  return CacheManager.fromConfig(
    new ConfigReader({ backend: { cache: { store: 'memory' } } }),
  ).forPlugin('auth');
}

describe('break-glass credentials', () => {
  it('verifies a password against its hash and nothing else', async () => {
    const hash = await hashBreakGlassPassword('correct horse battery staple');
    expect(hash).not.toContain('correct horse');
    expect(
      await verifyBreakGlassPassword('correct horse battery staple', hash),
    ).toBe(true);
    expect(
      await verifyBreakGlassPassword('correct horse battery stapl', hash),
    ).toBe(false);
  });

  it('refuses a config that holds a password instead of a hash, naming the field', () => {
    expect(() =>
      readBreakGlassUsers(
        new ConfigReader({
          users: [{ userEntityRef: 'admin', passwordHash: 'hunter2-hunter2' }],
        }),
      ),
    ).toThrow(
      'auth.providers.breakglass.users[0].passwordHash is not a break-glass password hash; generate one with "yarn workspace backend breakglass-hash"',
    );
  });

  it('locks a name after five failures for the window', async () => {
    let now = 0;
    const limiter = new FailureLimiter(
      memoryCache(),
      5,
      15 * 60_000,
      () => now,
    );
    for (let i = 0; i < 4; i++) await limiter.fail('admin');
    expect(await limiter.lockedForMinutes('admin')).toBe(0);
    await limiter.fail('admin');
    expect(await limiter.lockedForMinutes('admin')).toBe(15);
    expect(await limiter.lockedForMinutes('other')).toBe(0);
    now = 15 * 60_000 + 1;
    expect(await limiter.lockedForMinutes('admin')).toBe(0);
  });

  it('clears the count on a right password', async () => {
    const limiter = new FailureLimiter(memoryCache());
    for (let i = 0; i < 4; i++) await limiter.fail('admin');
    await limiter.succeed('admin');
    await limiter.fail('admin');
    expect(await limiter.lockedForMinutes('admin')).toBe(0);
  });

  it('shares the lock between replicas through Redis', async () => {
    const redis = await startRedis();
    try {
      const replica = async () => {
        const cache = await ServiceFactoryTester.from(
          portalCacheServiceFactory,
          {
            dependencies: [
              mockServices.rootConfig.factory({
                data: {
                  backend: { cache: { store: 'redis', connection: redis.url } },
                },
              }),
            ],
          },
        ).getSubject('auth');
        return new FailureLimiter(cache);
      };
      const [one, two] = [await replica(), await replica()];
      for (let i = 0; i < 3; i++) await one.fail('admin');
      for (let i = 0; i < 2; i++) await two.fail('admin');
      expect(await one.lockedForMinutes('admin')).toBe(15);
      expect(await two.lockedForMinutes('admin')).toBe(15);
      // What is stored names no user: the key holds a hash of the name.
      const keys = (await redis.command('KEYS', '*')).map(k =>
        Buffer.from(k.replace(/^auth:/, ''), 'base64').toString('utf8'),
      );
      expect(keys).toEqual([
        expect.stringMatching(/^breakglass-failures:[0-9a-f]{64}$/),
      ]);
    } finally {
      await redis.stop();
    }
  });

  it('keeps users as normalised refs', () => {
    expect(
      readBreakGlassUsers(
        new ConfigReader({
          users: [{ userEntityRef: 'admin', passwordHash: 'scrypt:AA==:AA==' }],
        }),
      )[0].userEntityRef,
    ).toBe(
      stringifyEntityRef({ kind: 'user', namespace: 'default', name: 'admin' }),
    );
  });
});
