import { createHash } from 'node:crypto';
import { parseHcl } from './parser';
import { HclFile } from './types';

export function contentHash(content: string): string {
  return createHash('sha1').update(content).digest('hex');
}

/**
 * Parse results by path and content hash, so a refresh re-parses only the
 * files that changed. It also remembers the last good parse of each path: a
 * file that stops parsing keeps contributing its last good blocks, with the
 * error attached, instead of its entities disappearing.
 */
export class ParseCache {
  readonly #byPath = new Map<string, HclFile>();
  readonly #lastGood = new Map<string, HclFile>();
  /** Counters of the last {@link ParseCache.beginRound} round. */
  stats = { parsed: 0, reused: 0 };
  #seen = new Set<string>();
  /** The text each cached parse was made from, for {@link ParseCache.reuse}. */
  readonly #contentByPath = new Map<string, string>();
  /** What the checks before parsing depended on last round. */
  #context: string | undefined;

  /**
   * Starts a refresh: resets counters; {@link ParseCache.endRound} then
   * forgets deleted files. `context` stands for what decides whether a file
   * is parsed at all (`.gitattributes`, limits): when it changes, no parse
   * is reused without those checks.
   */
  beginRound(context = '') {
    this.stats = { parsed: 0, reused: 0 };
    this.#seen = new Set();
    if (context !== this.#context) this.#contentByPath.clear();
    this.#context = context;
  }

  endRound() {
    for (const p of [...this.#byPath.keys()]) {
      if (!this.#seen.has(p)) {
        this.#byPath.delete(p);
        this.#lastGood.delete(p);
        this.#contentByPath.delete(p);
      }
    }
  }

  /**
   * The parse of a file whose text is exactly what it was last round (and
   * was parsed then), without hashing or checking it again: a refresh of an
   * unchanged repo compares strings instead of hashing megabytes.
   */
  reuse(path: string, content: string): HclFile | undefined {
    if (this.#contentByPath.get(path) !== content) return undefined;
    const cached = this.#byPath.get(path);
    if (!cached) return undefined;
    this.#seen.add(path);
    this.stats.reused++;
    return cached;
  }

  /**
   * Parses a file unless the same content was parsed before. What
   * {@link parseHcl} throws (a file too deep, a parser failure) is thrown
   * as it is and nothing is cached, so the next round tries the file again.
   */
  parse(
    path: string,
    content: string,
    options: { maxDepth?: number } = {},
  ): HclFile {
    this.#seen.add(path);
    const hash = contentHash(content);
    const cached = this.#byPath.get(path);
    if (cached && cached.hash === hash) {
      this.stats.reused++;
      this.#contentByPath.set(path, content);
      return cached;
    }
    this.stats.parsed++;
    let file = { ...parseHcl(path, content, options), hash };
    if (file.error) {
      const good = this.#lastGood.get(path);
      if (good) {
        file = { ...good, hash, error: file.error, comments: good.comments };
      }
    } else {
      this.#lastGood.set(path, file);
    }
    this.#byPath.set(path, file);
    this.#contentByPath.set(path, content);
    return file;
  }
}
