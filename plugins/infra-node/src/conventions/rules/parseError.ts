import type { ConventionRule } from '../types';

/**
 * A file that does not parse: the model cannot read what it declares. Files
 * the model skipped on purpose (git-crypt ciphertext, binary) are not syntax
 * errors: they are reported as skipped files, not here.
 */
export const parseErrorRule: ConventionRule = {
  id: 'parse-error',
  severity: 'error',
  check(ctx) {
    const skipped = new Set(
      ctx.model.skippedFiles
        .filter(s => s.reason === 'encrypted' || s.reason === 'binary')
        .map(s => s.file),
    );
    return ctx.model.parseErrors
      .filter(e => !skipped.has(e.file))
      .map(e => {
        const stack = ctx.stackOfFile(e.file);
        return {
          subject: stack ? `stack:${stack}` : `file:${e.file}`,
          kind: 'violation' as const,
          message: `${e.file} does not parse: ${e.message} (line ${e.line}, column ${e.column}).`,
          fix: 'Fix the syntax at that line; `terraform fmt` or `terragrunt hclfmt` points at the same place.',
          at: { file: e.file, line: e.line },
          target: { stack, addresses: [] },
        };
      });
  },
};
