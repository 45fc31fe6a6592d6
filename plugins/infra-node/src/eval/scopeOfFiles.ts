import { HclFile } from '../hcl/types';
import { buildModuleDefs } from './defs';
import { createFunctionHost } from './host';
import { ModuleInstance, Scope } from './scope';

/**
 * The root scope of one directory of already parsed files, with no stack
 * around it: what a tool or a test needs to evaluate an expression the way
 * the model does.
 */
export function scopeOfFiles(
  files: ReadonlyArray<HclFile>,
  dir: string,
  parse: (file: string, content: string) => HclFile,
  texts: ReadonlyMap<string, string> = new Map(),
): Scope {
  const host = createFunctionHost({
    texts,
    hclFiles: new Map(files.map(f => [f.path, f])),
    parse,
  });
  const defs = buildModuleDefs(files);
  return new ModuleInstance(
    { defs, host },
    defs.get(dir),
    dir,
    dir,
    '',
    undefined,
  ).scope();
}
