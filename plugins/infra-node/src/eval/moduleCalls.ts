import path from 'node:path';
import { parseHcl } from '../hcl/parser';
import { HclFile } from '../hcl/types';
import { HclValue } from '../hcl/values';
import { readModuleSignature, TypeConstraint } from './moduleSignature';
import { META_ARGUMENTS } from './scope';
import { resolve } from './evaluate';
import { scopeOfFiles } from './scopeOfFiles';

/** One argument of a module call, evaluated in the calling directory. */
export interface ModuleCallArgument {
  name: string;
  line: number;
  /** The value where it is static; `Unresolved` where it is not. */
  value: HclValue;
  /** For `var.<name>` as written: the variable's name. */
  variableName?: string;
  /** For `var.<name>` as written: the calling module's declaration of it (undefined when it has none). */
  passedVariable?: { name: string; type: TypeConstraint; typeText: string };
}

/** A `module` block of a directory, with where it points. */
export interface ModuleCallSite {
  label: string;
  file: string;
  line: number;
  /** `source` as written; undefined when it is not a plain string. */
  source?: string;
  /** Repo-relative directory of a local source (`./`, `../`); undefined otherwise. */
  dir?: string;
  arguments: ModuleCallArgument[];
}

/**
 * The module calls of the files in `dir`, each argument evaluated with the
 * model's evaluator (what a reviewer would read it as), meta-arguments
 * (`source`, `count`, ...) left out.
 */
export function moduleCallsOf(
  files: ReadonlyArray<HclFile>,
  dir: string,
): ModuleCallSite[] {
  const own = files.filter(
    f => f.path.endsWith('.tf') && path.posix.dirname(f.path) === dir,
  );
  const scope = scopeOfFiles(own, dir, (file, content) =>
    parseHcl(file, content),
  );
  const declared = readModuleSignature(own, dir)?.variables;
  const out: ModuleCallSite[] = [];
  for (const f of own) {
    for (const b of f.blocks) {
      if (b.type !== 'module' || !b.labels[0]) continue;
      const sourceValue = b.attributes.source
        ? resolve(b.attributes.source.expr, scope)
        : undefined;
      const source = typeof sourceValue === 'string' ? sourceValue : undefined;
      const local =
        source !== undefined &&
        (source.startsWith('./') || source.startsWith('../'));
      const args: ModuleCallArgument[] = [];
      for (const [name, a] of Object.entries(b.attributes)) {
        if (META_ARGUMENTS.has(name)) continue;
        const e = a.expr;
        const varName =
          e.kind === 'traversal' && e.root === 'var' && e.steps.length === 1
            ? e.steps[0]
            : undefined;
        const passed =
          typeof varName === 'string' ? declared?.get(varName) : undefined;
        args.push({
          name,
          line: a.line,
          value: resolve(e, scope),
          variableName: typeof varName === 'string' ? varName : undefined,
          passedVariable: passed && {
            name: passed.name,
            type: passed.type,
            typeText: passed.typeText,
          },
        });
      }
      out.push({
        label: b.labels[0],
        file: f.path,
        line: b.line,
        source,
        dir: local ? path.posix.join(dir, source!) : undefined,
        arguments: args,
      });
    }
  }
  return out;
}
