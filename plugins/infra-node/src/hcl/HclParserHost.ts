import type { Parser } from 'web-tree-sitter';
import {
  createHclParserInstance,
  HclParserInstance,
} from './treeSitterRuntime';

/** Parsers that failed: their instance may be in any state, so it is never used again. */
const retired = new WeakSet<Parser>();

/**
 * Marks a parser as failed (an exception out of `parse`, or out of a walk
 * over its tree): every {@link HclParserHost} then replaces its instance.
 */
export function retireHclParser(parser: Parser): void {
  retired.add(parser);
}

export interface HclParserHostOptions {
  /** Makes a new instance; a fresh WebAssembly instance by default. */
  create?: () => Promise<HclParserInstance>;
  /**
   * An instance whose WebAssembly memory has grown past this many bytes is
   * replaced before the next parse, so the memory a large or hostile file
   * took is given back. Default 128 MiB (parsing a repo of 500 files of up
   * to 90 KiB takes 32).
   */
  maxHeapBytes?: number;
}

const DEFAULT_MAX_HEAP_BYTES = 128 * 1024 * 1024;

/**
 * Owns the current HCL parser and replaces it when it failed or grew too
 * large. Parsing is synchronous, so one instance serves every caller in
 * turn.
 */
export class HclParserHost {
  readonly #create: () => Promise<HclParserInstance>;
  readonly #maxHeapBytes: number;
  #pending?: Promise<HclParserInstance>;
  #live?: HclParserInstance;
  #created = 0;

  constructor(options: HclParserHostOptions = {}) {
    this.#create = options.create ?? createHclParserInstance;
    this.#maxHeapBytes = options.maxHeapBytes ?? DEFAULT_MAX_HEAP_BYTES;
  }

  /** How many instances this host has made: more than one means one was replaced. */
  get instancesCreated(): number {
    return this.#created;
  }

  /** A healthy parser, made or replaced as needed. */
  async acquire(): Promise<Parser> {
    this.#dropIfUnfit();
    if (!this.#pending) {
      this.#created++;
      const pending = this.#create().then(
        instance => {
          if (this.#pending === pending) this.#live = instance;
          return instance;
        },
        e => {
          if (this.#pending === pending) this.#pending = undefined;
          throw e;
        },
      );
      this.#pending = pending;
    }
    return (await this.#pending).parser;
  }

  /** The parser if one is ready and fit, for synchronous callers; else undefined. */
  current(): Parser | undefined {
    this.#dropIfUnfit();
    return this.#live?.parser;
  }

  #dropIfUnfit() {
    const live = this.#live;
    if (!live) return;
    if (retired.has(live.parser) || live.heapBytes() > this.#maxHeapBytes) {
      // Dropping every reference lets the garbage collector free the whole
      // WebAssembly memory; `delete()` on a broken instance could throw.
      this.#live = undefined;
      this.#pending = undefined;
    }
  }
}

let defaultHost: HclParserHost | undefined;

/** The process-wide host behind {@link getHclParser}. */
export function defaultHclParserHost(): HclParserHost {
  defaultHost ??= new HclParserHost();
  return defaultHost;
}
