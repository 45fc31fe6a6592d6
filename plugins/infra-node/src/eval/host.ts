import { HclFile } from '../hcl/types';
import { HclValue, Unresolved } from '../hcl/values';
import { emptyDef } from './defs';
import { renderPartial, resolve } from './evaluate';
import { FunctionHost } from './functions';
import { ModuleInstance } from './scope';

/** Closes a heredoc that no template text contains. */
const DELIMITER = 'INFRA_PORTAL_TEMPLATE_END';

/**
 * File access for `file`, `fileset` and `templatefile`, over the files the
 * model was given. `templatefile` renders with the real HCL template
 * grammar: the file is read as a heredoc and evaluated with its variables.
 */
export function createFunctionHost(input: {
  texts: ReadonlyMap<string, string>;
  hclFiles: ReadonlyMap<string, HclFile>;
  parse(file: string, content: string): HclFile;
}): FunctionHost {
  const allPaths = () => [...input.texts.keys(), ...input.hclFiles.keys()];
  const templates = new Map<string, HclFile>();
  const host: FunctionHost = {
    readFile: file => input.texts.get(file),
    listFiles: dir => allPaths().filter(p => p.startsWith(`${dir}/`)),
    renderTemplate(file, text, vars, partial) {
      if (text.includes(DELIMITER))
        return new Unresolved(`templatefile(${file})`, 'other');
      let parsed = templates.get(text);
      if (!parsed) {
        parsed = input.parse(
          file,
          `t = <<${DELIMITER}\n${text}\n${DELIMITER}\n`,
        );
        templates.set(text, parsed);
      }
      const expr = parsed.attributes.t?.expr;
      if (!expr || parsed.error)
        return new Unresolved(`templatefile(${file})`, 'other');
      const module = new ModuleInstance(
        { defs: new Map(), host },
        emptyDef('.'),
        '.',
        '.',
        '',
        new Map(),
      );
      const scope = {
        module,
        vars: new Map<string, HclValue>(Object.entries(vars)),
      };
      const v = partial
        ? renderPartial(expr, scope) ?? resolve(expr, scope)
        : resolve(expr, scope);
      // The heredoc adds the final newline the template file may not have had.
      return typeof v === 'string' && !text.endsWith('\n')
        ? v.replace(/\n$/, '')
        : v;
    },
  };
  return host;
}
