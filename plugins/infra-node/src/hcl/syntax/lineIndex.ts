/** 1-based lines and columns of offsets into one source text. */
export class LineIndex {
  /** Offset where each line starts; line 1 starts at 0. */
  readonly #starts: number[] = [0];

  constructor(readonly src: string) {
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
      this.#starts.push(i + 1);
    }
  }

  /** Index into `#starts` of the line found last. */
  #last = 0;

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    const starts = this.#starts;
    // The parser asks for offsets in (nearly) increasing order, most often
    // on the line it asked for last or the next one.
    let lo = this.#last;
    if (starts[lo] <= offset) {
      if (lo + 1 >= starts.length || offset < starts[lo + 1]) return lo + 1;
      if (lo + 2 >= starts.length || offset < starts[lo + 2]) {
        this.#last = lo + 1;
        return lo + 2;
      }
    }
    lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.#last = lo;
    return lo + 1;
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.#starts[Math.min(line, this.#starts.length) - 1];
  }

  /** The 1-based column of an offset. */
  columnOf(offset: number): number {
    return offset - this.lineStart(this.lineOf(offset)) + 1;
  }

  /** A line's text, trimmed and shortened for a message. */
  excerpt(line: number, max = 80): string {
    const start = this.lineStart(line);
    const end = this.src.indexOf('\n', start);
    return this.src
      .slice(start, end < 0 ? undefined : end)
      .trim()
      .slice(0, max);
  }
}
