/**
 * One upstream read per key per interval, however many targets ask: the
 * first caller's read is shared (in flight and for `ttlMs` after it
 * settles), so M targets in one namespace and N viewers cost one LIST per
 * kind per namespace per interval. A failed read is shared too, for the
 * same interval: retrying it per target would multiply the load on a
 * struggling API server.
 */
export class SharedReads {
  private readonly entries = new Map<
    string,
    { promise: Promise<unknown>; settledAt?: number }
  >();

  /** Upstream reads started, by key (for the benchmark and tests). */
  readonly started = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (
      entry &&
      (entry.settledAt === undefined ||
        this.now() - entry.settledAt < this.ttlMs)
    ) {
      return entry.promise as Promise<T>;
    }
    this.started.set(key, (this.started.get(key) ?? 0) + 1);
    const fresh: { promise: Promise<unknown>; settledAt?: number } = {
      promise: Promise.resolve(),
    };
    const promise = load().finally(() => {
      fresh.settledAt = this.now();
    });
    fresh.promise = promise;
    // Callers handle the rejection; the cache keeps it without an unhandled warning.
    promise.catch(() => undefined);
    this.entries.set(key, fresh);
    return promise;
  }
}
