/** One refused field: which one, what is wrong with it, and how to fix it. */
export interface FieldProblem {
  /** The template parameter, e.g. `name` or `carveOuts[1].path`. */
  field: string;
  problem: string;
  fix: string;
}

/**
 * Collects every problem of an input before refusing it, so a user fixes
 * all fields in one round instead of one per run. Isomorphic: the wizard's
 * form shows the list at each field, the scaffolder action refuses with it.
 */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, problem: string, fix: string): void {
    this.list.push({ field, problem, fix });
  }
}

/** The message a refused request carries: one line per field with its fix. */
export function formatProblems(
  what: string,
  list: ReadonlyArray<FieldProblem>,
): string {
  const lines = list.map(p => `- ${p.field}: ${p.problem} Fix: ${p.fix}`);
  return `${what} was refused; nothing was written:\n${lines.join('\n')}`;
}

/**
 * The problems of one form field: those of `field` itself and, for a list
 * or an object, those of its items (`carveOuts[0].path` for `carveOuts`).
 */
export function problemsOfField(
  list: ReadonlyArray<FieldProblem>,
  field: string,
): FieldProblem[] {
  return list.filter(
    p =>
      p.field === field ||
      p.field.startsWith(`${field}.`) ||
      p.field.startsWith(`${field}[`),
  );
}
