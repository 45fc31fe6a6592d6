import { parseHcl } from './parser';
import { HclFile } from './types';

/** A cached parse, the text it was made from, and the checks it passed. */
interface CacheEntry {
  file: HclFile;
  /** The file's own string, held anyway: comparing it is cheaper than hashing. */
  content: string;
  /** The round context (see {@link ParseCache.beginRound}) whose checks the text passed. */
  checkedIn: string;
}

/**
 * Parse results by path and content, so a refresh re-parses only the
 * files that changed. It also remembers the last good parse of each path: a
 * file that stops parsing keeps contributing its last good blocks, with the
 * error attached, instead of its entities disappearing.
 */
export class ParseCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #lastGood = new Map<string, HclFile>();
  /** Counters of the last {@link ParseCache.beginRound} round. */
  stats = { parsed: 0, reused: 0 };
  #seen = new Set<string>();
  /** What the checks before parsing depend on this round. */
  #context = '';

  /**
   * Starts a refresh: resets counters; {@link ParseCache.endRound} then
   * forgets deleted files. `context` stands for what decides whether a file
   * is parsed at all (`.gitattributes`, limits): when it changes, no parse
   * is reused without those checks.
   */
  beginRound(context = '') {
    this.stats = { parsed: 0, reused: 0 };
    this.#seen = new Set();
    this.#context = context;
  }

  endRound() {
    for (const p of [...this.#entries.keys()]) {
      if (!this.#seen.has(p)) {
        this.#entries.delete(p);
        this.#lastGood.delete(p);
      }
    }
  }

  /**
   * The parse of a file whose text is exactly what it was last round (and
   * was parsed then), without the checks before parsing: a refresh of an
   * unchanged repo compares strings and classifies nothing.
   */
  reuse(path: string, content: string): HclFile | undefined {
    const entry = this.#entries.get(path);
    if (entry?.content !== content || entry.checkedIn !== this.#context)
      return undefined;
    this.#seen.add(path);
    this.stats.reused++;
    return entry.file;
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
    const entry = this.#entries.get(path);
    if (entry?.content === content) {
      this.stats.reused++;
      entry.checkedIn = this.#context;
      return entry.file;
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
    this.#entries.set(path, { file, content, checkedIn: this.#context });
    return file;
  }
}
