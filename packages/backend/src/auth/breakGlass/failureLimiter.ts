import { createHash } from 'node:crypto';
import type { CacheService } from '@backstage/backend-plugin-api';

/**
 * Counts failed break-glass attempts per name. A password that can be tried
 * at network speed is only as strong as its length; five wrong tries lock
 * that name for the window. The count lives in the backend's cache service,
 * which production keeps in Redis: every replica sees the same count, so
 * two replicas do not give an attacker twice the tries (in memory in
 * development, where there is one process). Two attempts at the same
 * instant on two replicas may count once; the lock still comes within a try
 * or two.
 */
export class FailureLimiter {
  constructor(
    private readonly cache: CacheService,
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cache key of a name: hashed, so a hostile name cannot make a huge key. */
  private key(name: string): string {
    return `breakglass-failures:${createHash('sha256')
      .update(name)
      .digest('hex')}`;
  }

  private async recent(name: string): Promise<number[]> {
    const since = this.now() - this.windowMs;
    const stored = await this.cache.get<number[]>(this.key(name));
    return (Array.isArray(stored) ? stored : []).filter(t => t > since);
  }

  /** Minutes until `name` may try again, or 0 when it may try now. */
  async lockedForMinutes(name: string): Promise<number> {
    const recent = await this.recent(name);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[recent.length - this.maxFailures];
    return Math.ceil((oldest + this.windowMs - this.now()) / 60_000);
  }

  async fail(name: string): Promise<void> {
    const recent = await this.recent(name);
    recent.push(this.now());
    await this.cache.set(this.key(name), recent.slice(-this.maxFailures), {
      ttl: this.windowMs,
    });
  }

  async succeed(name: string): Promise<void> {
    await this.cache.delete(this.key(name));
  }
}
