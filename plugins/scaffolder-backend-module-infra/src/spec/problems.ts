import { InputError } from '@backstage/errors';

/** One refused field: which one, what is wrong with it, and how to fix it. */
export interface FieldProblem {
  /** The template parameter, e.g. `name` or `carveOuts[1].path`. */
  field: string;
  problem: string;
  fix: string;
}

/**
 * Collects every problem of an input before refusing it, so a user fixes
 * all fields in one round instead of one per run.
 */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, problem: string, fix: string): void {
    this.list.push({ field, problem, fix });
  }

  /**
   * Throws an `InputError` (or the given error class, e.g. `ConflictError`
   * for a name that is taken) listing every problem, one per line.
   */
  throwIfAny(
    what: string,
    ErrorClass: new (message: string) => Error = InputError,
  ): void {
    if (this.list.length === 0) return;
    throw new ErrorClass(formatProblems(what, this.list));
  }
}

export function formatProblems(
  what: string,
  list: ReadonlyArray<FieldProblem>,
): string {
  const lines = list.map(p => `- ${p.field}: ${p.problem} Fix: ${p.fix}`);
  return `${what} was refused; nothing was written:\n${lines.join('\n')}`;
}
