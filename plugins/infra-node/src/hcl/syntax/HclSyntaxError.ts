/**
 * A syntax error at an offset of the source. Thrown inside the parser and
 * turned into the file's `error` at its entry point: a broken file is data,
 * never an exception to the caller.
 */
export class HclSyntaxError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}

/**
 * The file nests deeper than the reader's limit (blocks, brackets,
 * parentheses, interpolations, operands): not a syntax error, a limit that
 * keeps the recursive parser inside its stack.
 */
export class HclTooDeepError extends Error {
  constructor(readonly offset: number, readonly limit: number) {
    super(`Nested more than ${limit} levels deep`);
    this.name = 'HclTooDeepError';
  }
}
