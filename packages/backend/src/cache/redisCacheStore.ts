import { createClient } from '@redis/client';
import type { LoggerService } from '@backstage/backend-plugin-api';

/** How long connecting, or one cache operation, may take. */
export const REDIS_DEADLINE_MS = 2_000;
/** Between the prefix, the plugin and the key, as Backstage's store has it. */
export const DEFAULT_KEY_SEPARATOR = ':';
/** At most one warning about the connection this often. */
const WARN_EVERY_MS = 30_000;

/** The process's one Redis connection for its cache. */
export interface RedisCacheConnection {
  client: ReturnType<typeof createClient>;
  /**
   * Settles when the first connection attempt has: connected, or failed.
   * Commands wait for it, so the first ones are not dropped as "offline"
   * while the connection is still being made.
   */
  firstAttempt: Promise<void>;
}

/**
 * Opens the process's one connection to the cache's Redis. Backstage's own
 * redis store leaves its client without an `error` listener, so a Redis
 * restart ends the backend with an unhandled 'error' event
 * (SocketClosedUnexpectedly): with two replicas on one Redis, both at once.
 * Here the client has one (a warning, at most one per 30 s), commands fail
 * at once while it is disconnected instead of queueing until it is back (so
 * no request waits on a dead cache), and it connects, and reconnects,
 * with a capped back-off for as long as the process runs.
 */
export function connectRedisCache(
  url: string,
  logger: LoggerService,
): RedisCacheConnection {
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
  const firstAttempt = new Promise<void>(settle => {
    client.once('ready', settle);
    client.once('error', () => settle());
  });
  // Retries until Redis answers (the strategy never gives up); meanwhile
  // every command fails at once, which the cache client takes as a miss.
  client.connect().catch(warn);
  return { client, firstAttempt };
}

/**
 * One plugin's keys on the shared connection, as a Keyv store. Keys are
 * `<namespace><separator><key>`, as Backstage's redis store writes them, so
 * entries stay readable across a switch between the two.
 *
 * The namespace is fixed when the store is made. Keyv assigns its own
 * namespace to whatever store it is given (`store.namespace = ...`): with
 * one store shared by every plugin, the plugin whose cache client was made
 * last would decide where every plugin's keys go, and two processes made in
 * a different order would not find each other's entries. So each plugin has
 * a store of its own, and that assignment does not move its keys.
 */
export class RedisNamespaceStore {
  /** Written by Keyv; not used for keys (see the class comment). */
  namespace?: string;

  constructor(
    private readonly connection: RedisCacheConnection,
    readonly keyPrefix: string,
    readonly separator = DEFAULT_KEY_SEPARATOR,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const client = await this.#client();
    return (await client.get(this.#key(key))) ?? undefined;
  }

  async set(key: string, value: string, ttl?: number): Promise<void> {
    const client = await this.#client();
    if (ttl) await client.set(this.#key(key), value, { PX: ttl });
    else await client.set(this.#key(key), value);
  }

  async delete(key: string): Promise<boolean> {
    const client = await this.#client();
    return (await client.del(this.#key(key))) > 0;
  }

  /** Deletes this namespace's keys only, never another plugin's. */
  async clear(): Promise<void> {
    const client = await this.#client();
    const pattern = `${this.#key('').replace(/[*?[\]\\]/g, '\\$&')}*`;
    for await (const key of client.scanIterator({
      MATCH: pattern,
      COUNT: 100,
    })) {
      await client.del(key);
    }
  }

  async #client() {
    await this.connection.firstAttempt;
    return this.connection.client;
  }

  #key(key: string): string {
    return `${this.keyPrefix}${this.separator}${key}`;
  }
}
