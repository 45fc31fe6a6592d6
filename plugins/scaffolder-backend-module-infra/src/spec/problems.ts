import { InputError } from '@backstage/errors';
import {
  FieldProblem,
  formatProblems,
  Problems as FieldProblems,
} from '@internal/backstage-plugin-infra-common';

export type { FieldProblem };
export { formatProblems };

/** The shared problem list, refused as an error by the scaffolder actions. */
export class Problems extends FieldProblems {
  /**
   * Throws an `InputError` (or the given error class, e.g. `ConflictError`
   * for a name that is taken) listing every problem, one per line.
   */
  throwIfAny(
    what: string,
    ErrorClass: new (message: string) => Error = InputError,
  ): void {
    throwIfProblems(this.list, what, ErrorClass);
  }
}

export function throwIfProblems(
  list: ReadonlyArray<FieldProblem>,
  what: string,
  ErrorClass: new (message: string) => Error = InputError,
): void {
  if (list.length === 0) return;
  throw new ErrorClass(formatProblems(what, list));
}
