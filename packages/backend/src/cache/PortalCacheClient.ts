import { createHash } from 'node:crypto';
import type {
  CacheService,
  CacheServiceOptions,
  CacheServiceSetOptions,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import Keyv from 'keyv';
import { REDIS_DEADLINE_MS, RedisNamespaceStore } from './redisCacheStore';

/** Milliseconds of a TTL given as a number or a human duration. */
function ttlMs(ttl: CacheServiceSetOptions['ttl']): number | undefined {
  if (ttl === undefined) return undefined;
  return typeof ttl === 'number' ? ttl : durationToMilliseconds(ttl);
}

/**
 * A plugin's cache on the shared Redis store. It is a cache: an operation
 * that fails or takes longer than the deadline is a miss (get) or nothing
 * (set, delete), never an error of the request it serves. Keys are written
 * as Backstage's own cache client writes them (base64, hashed when long),
 * so entries stay readable across a switch between the two.
 */
export class PortalCacheClient implements CacheService {
  readonly #keyv: Keyv;

  constructor(
    readonly store: RedisNamespaceStore,
    readonly options: CacheServiceOptions = {},
  ) {
    this.#keyv = new Keyv({
      store,
      // The store keeps the plugin's key prefix; Keyv adds none.
      namespace: undefined,
      ttl: ttlMs(options.defaultTtl),
      emitErrors: false,
      useKeyPrefix: false,
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.#bounded(() => this.#keyv.get(normalizedKey(key)));
  }

  async set(
    key: string,
    value: unknown,
    opts: CacheServiceSetOptions = {},
  ): Promise<void> {
    await this.#bounded(() =>
      this.#keyv.set(normalizedKey(key), value, ttlMs(opts.ttl)),
    );
  }

  async delete(key: string): Promise<void> {
    await this.#bounded(() => this.#keyv.delete(normalizedKey(key)));
  }

  withOptions(options: CacheServiceOptions): CacheService {
    return new PortalCacheClient(this.store, {
      ...this.options,
      ...options,
    });
  }

  async #bounded<T>(op: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>(resolve => {
      timer = setTimeout(() => resolve(undefined), REDIS_DEADLINE_MS);
    });
    try {
      return await Promise.race([op().catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function normalizedKey(key: string): string {
  const wellFormed = Buffer.from(key).toString('base64');
  return wellFormed.length < 200
    ? wellFormed
    : createHash('sha256').update(key).digest('base64');
}
