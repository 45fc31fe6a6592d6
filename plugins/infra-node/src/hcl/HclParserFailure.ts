import { CustomErrorBase } from '@backstage/errors';

/**
 * The HCL parser itself failed on a file (its WebAssembly instance aborted,
 * or a walk over the tree overflowed the stack): not a syntax error of the
 * file. The parser that failed is retired; a new one parses the next file.
 */
export class HclParserFailure extends CustomErrorBase {
  name = 'HclParserFailure' as const;

  constructor(readonly file: string, cause: unknown) {
    super(`The HCL parser failed on ${file}`, cause);
  }
}
