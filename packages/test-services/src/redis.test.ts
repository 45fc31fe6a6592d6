import { startRedis } from './redis';

describe('startRedis', () => {
  it('starts a server that stores and returns a key, and stops it', async () => {
    const redis = await startRedis();
    try {
      expect(await redis.command('SET', 'greeting', 'hello')).toEqual(['OK']);
      expect(await redis.command('GET', 'greeting')).toEqual(['hello']);
    } finally {
      await redis.stop();
    }
    await expect(redis.command('PING')).rejects.toThrow(/Connection refused/);
  }, 30_000);
});
