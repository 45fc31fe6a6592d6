import type { HclParseError } from '../hcl/types';
import type { StackModel } from './types';

/**
 * What one stack's evaluation read: each repo path it looked up (a parsed
 * file, a text, a directory listing) with the value it saw. A stack is
 * evaluated again only when one of those changed.
 */
export class ReadLog {
  readonly reads = new Map<string, unknown>();

  record(key: string, value: unknown) {
    if (!this.reads.has(key)) this.reads.set(key, value);
  }

  /** Repo paths read outside a folder: files as they are, listed folders with a trailing `/`. */
  pathsOutside(dir: string): string[] {
    const out = new Set<string>();
    for (const [key, value] of this.reads) {
      const p = key.slice(2);
      if (p === dir || p.startsWith(`${dir}/`)) continue;
      if (key[0] === 'd') out.add(`${p}/`);
      else if (value !== undefined) out.add(p);
    }
    return [...out].sort();
  }

  /** True when every lookup still gives what it gave (same parsed object, same text). */
  stillHolds(lookup: (key: string) => unknown): boolean {
    for (const [key, value] of this.reads)
      if (lookup(key) !== value) return false;
    return true;
  }
}

interface CachedStack {
  log: ReadLog;
  stack: StackModel;
  /** Errors found while extracting (YAML values), reported again on reuse. */
  errors: HclParseError[];
}

/**
 * The stacks of the last model, for a refresh: a stack whose reads all
 * still hold is taken as it was, so a change to one file re-evaluates only
 * the stacks that read it (and linking, which is repo-wide, runs again).
 */
export class StackCache {
  readonly #stacks = new Map<string, CachedStack>();
  /** Counters of the last build. */
  stats = { evaluated: 0, reused: 0 };

  begin() {
    this.stats = { evaluated: 0, reused: 0 };
  }

  reuse(
    name: string,
    lookup: (key: string) => unknown,
  ): CachedStack | undefined {
    const hit = this.#stacks.get(name);
    if (hit && hit.log.stillHolds(lookup)) {
      this.stats.reused++;
      return hit;
    }
    return undefined;
  }

  store(name: string, entry: CachedStack) {
    this.stats.evaluated++;
    this.#stacks.set(name, entry);
  }

  /** Forgets stacks that are gone. */
  retain(names: ReadonlySet<string>) {
    for (const n of [...this.#stacks.keys()])
      if (!names.has(n)) this.#stacks.delete(n);
  }
}
