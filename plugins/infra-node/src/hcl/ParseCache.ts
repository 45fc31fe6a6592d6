import { parseHcl } from './parser';
import { HclFile } from './types';

/**
 * Parse results by path and content, so a refresh re-parses only the
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
  /** The text each cached parse was made from, for {@link ParseCache.reuse}; cleared when the checks change. */
  readonly #contentByPath = new Map<string, string>();
  /**
   * The text each cached parse was made from, kept across such changes. The
   * texts are the files' own strings, held anyway; comparing one with the
   * next round's text is cheaper than hashing it.
   */
  readonly #parsedFrom = new Map<string, string>();
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
        this.#parsedFrom.delete(p);
      }
    }
  }

  /**
   * The parse of a file whose text is exactly what it was last round (and
   * was parsed then), without the checks before parsing: a refresh of an
   * unchanged repo compares strings and classifies nothing.
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
    const cached = this.#byPath.get(path);
    if (cached && this.#parsedFrom.get(path) === content) {
      this.stats.reused++;
      this.#contentByPath.set(path, content);
      return cached;
    }
    this.stats.parsed++;
    let file = parseHcl(path, content, options);
    if (file.error) {
      const good = this.#lastGood.get(path);
      if (good) {
        file = { ...good, error: file.error, comments: good.comments };
      }
    } else {
      this.#lastGood.set(path, file);
    }
    this.#byPath.set(path, file);
    this.#contentByPath.set(path, content);
    this.#parsedFrom.set(path, content);
    return file;
  }
}
