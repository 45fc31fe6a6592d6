/**
 * Counts failed break-glass attempts per name in memory. A password that
 * can be tried at network speed is only as strong as its length; five wrong
 * tries lock that name for the window. (Per process: a restart clears it.)
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(name: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(name) ?? []).filter(t => t > since);
    this.failures.set(name, kept);
    return kept;
  }

  /** Minutes until `name` may try again, or 0 when it may try now. */
  lockedForMinutes(name: string): number {
    const recent = this.recent(name);
    if (recent.length < this.maxFailures) return 0;
    return Math.ceil((recent[0] + this.windowMs - this.now()) / 60_000);
  }

  fail(name: string): void {
    this.recent(name).push(this.now());
  }

  succeed(name: string): void {
    this.failures.delete(name);
  }
}
