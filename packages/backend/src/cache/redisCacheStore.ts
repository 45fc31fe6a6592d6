import KeyvRedis from '@keyv/redis';
import { createClient } from '@redis/client';
import type { LoggerService } from '@backstage/backend-plugin-api';

/** How long connecting, or one cache operation, may take. */
export const REDIS_DEADLINE_MS = 2_000;
/** At most one warning about the connection this often. */
const WARN_EVERY_MS = 30_000;

/**
 * The Redis store of the portal's cache. Backstage's own redis store
 * leaves its client without an `error` listener, so a Redis restart ends
 * the backend with an unhandled 'error' event (SocketClosedUnexpectedly):
 * with two replicas on one Redis, both at once. Here the client has one
 * (a warning, at most one per 30 s), commands fail at once while it is
 * disconnected instead of queueing until it is back (so no request waits
 * on a dead cache), and it reconnects with a capped back-off.
 */
export function createRedisCacheStore(url: string, logger: LoggerService) {
  let lastWarning = 0;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: REDIS_DEADLINE_MS,
      reconnectStrategy: attempts => Math.min(2 ** attempts * 100, 5_000),
    },
  });
  const warn = (error: unknown) => {
    if (Date.now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = Date.now();
    logger.warn(
      `Cache (Redis) unreachable, working without it until it is back: ${
        (error as Error)?.message ?? error
      }`,
    );
  };
  client.on('error', warn);
  // The client's module typing is wider than the one KeyvRedis names; it is the same client.
  const store = new KeyvRedis(
    client as ConstructorParameters<typeof KeyvRedis>[0],
    {
      throwErrors: false,
      throwOnConnectError: false,
      connectionTimeout: REDIS_DEADLINE_MS,
    },
  );
  store.on('error', warn);
  return store;
}
